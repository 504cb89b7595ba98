using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace HiBobAdmin.Port;

/// <summary>
/// <see cref="IPortCatalog"/> over Port's REST API. Progress of a write is the running count of finished items,
/// reported once per item.
/// </summary>
internal sealed class PortCatalog(
    IPortApi api,
    PortTokenProvider tokens,
    PortEntityReader reader,
    PortBulkWriter writer,
    PortDataModel dataModel,
    ILogger<PortCatalog> logger) : IPortCatalog
{
    /// <summary>The <c>_user</c> status Port gives an account that can no longer sign in.</summary>
    internal const string DisabledStatus = "Disabled";

    internal const string ConnectionCall =
        "POST /v1/auth/access_token, then GET /v1/blueprints/_user/entities-count";

    public async Task<IReadOnlyList<PortUser>> ReadUsersAsync(
        IReadOnlyCollection<string>? identifiers,
        CancellationToken cancellationToken)
    {
        return await reader.SearchAsync(
            HibobUserBlueprint.UserBlueprint,
            PortEntityMapper.UserSearchFields,
            identifiers,
            PortEntityMapper.ToPortUser,
            cancellationToken);
    }

    public async Task<IReadOnlyList<HibobUserEntity>> ReadHibobUsersAsync(
        IReadOnlyCollection<string>? identifiers,
        CancellationToken cancellationToken)
    {
        return await reader.SearchAsync(
            HibobUserBlueprint.Identifier,
            PortEntityMapper.HibobUserSearchFields,
            identifiers,
            PortEntityMapper.ToHibobUser,
            cancellationToken);
    }

    public Task<IReadOnlyList<PortWriteOutcome>> WriteHibobUsersAsync(
        IReadOnlyList<HibobUserWrite> writes,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);

        var items = writes.Select(w => PortBulkItem.Of(w.Entity.Identifier, PortEntityMapper.ToBody(w))).ToList();
        return writer.WriteAsync(HibobUserBlueprint.Identifier, items, progress, cancellationToken);
    }

    public Task<IReadOnlyList<PortWriteOutcome>> WriteUserLinksAsync(
        IReadOnlyList<UserLinkWrite> writes,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);

        var items = writes.Select(w => PortBulkItem.Of(w.PortUserIdentifier, PortEntityMapper.ToBody(w))).ToList();
        return writer.WriteAsync(HibobUserBlueprint.UserBlueprint, items, progress, cancellationToken);
    }

    public async Task<PortWriteOutcome> RemoveHibobUserAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);

        using var response = await PortErrors.SendAsync(
            token => api.DeleteEntityAsync(HibobUserBlueprint.Identifier, identifier, token),
            cancellationToken);
        if (response.IsSuccessStatusCode || response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return new PortWriteOutcome(identifier, Succeeded: true, Created: false, Message: null);
        }

        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            throw await PortErrors.ToExceptionAsync(response, cancellationToken);
        }

        var message = await PortErrors.DescribeAsync(response, cancellationToken);
        return new PortWriteOutcome(identifier, Succeeded: false, Created: false, Message: message);
    }

    public async Task<PortWriteOutcome> DisableUserAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);

        var changes = new JsonObject { ["properties"] = new JsonObject { ["status"] = DisabledStatus } };
        using var response = await PortErrors.SendAsync(
            token => api.PatchEntityAsync(HibobUserBlueprint.UserBlueprint, identifier, changes, token),
            cancellationToken);
        if (response.IsSuccessStatusCode)
        {
            return new PortWriteOutcome(identifier, Succeeded: true, Created: false, Message: null);
        }

        if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
        {
            throw await PortErrors.ToExceptionAsync(response, cancellationToken);
        }

        var message = await PortErrors.DescribeAsync(response, cancellationToken);
        return new PortWriteOutcome(identifier, Succeeded: false, Created: false, Message: message);
    }

    public Task<DataModelStatus> CheckDataModelAsync(CancellationToken cancellationToken) =>
        dataModel.CheckAsync(cancellationToken);

    public Task<DataModelStatus> EnsureDataModelAsync(CancellationToken cancellationToken) =>
        dataModel.EnsureAsync(cancellationToken);

    /// <summary>Never throws for a Port or network failure; only the caller's own cancellation ends it early.</summary>
    public async Task<ConnectionCheck> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            await tokens.GetTokenAsync(cancellationToken);
            using var response = await PortErrors.SendAsync(
                token => api.CountEntitiesAsync(HibobUserBlueprint.UserBlueprint, token),
                cancellationToken);
            await PortErrors.EnsureSuccessAsync(response, cancellationToken);
            var answer = await PortErrors.ReadObjectAsync(response, logger, cancellationToken);
            var count = PortEntityMapper.Text(answer["count"]);
            var message = count is null
                ? "Connected to Port"
                : string.Create(CultureInfo.InvariantCulture, $"Connected to Port: {count} Port users");
            return new ConnectionCheck(true, ConnectionCall, message);
        }
        catch (VendorApiException ex)
        {
            return Failed(ex.Message, ex);
        }
        catch (JsonException ex)
        {
            return Failed(PortErrors.NonJson, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            return Failed(PortErrors.NoAnswer, ex);
        }
        catch (HttpRequestException ex)
        {
            return Failed(PortErrors.Unreachable, ex);
        }
    }

    private ConnectionCheck Failed(string message, Exception exception)
    {
        PortLog.ConnectionCheckFailed(logger, message, exception);
        return new ConnectionCheck(false, ConnectionCall, message);
    }
}
