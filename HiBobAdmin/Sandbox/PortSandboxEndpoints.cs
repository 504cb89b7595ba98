using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>The emulated Port routes (relative to <c>/sandbox/port</c>).</summary>
internal static class PortSandboxEndpoints
{
    private const int MaxBulkItems = 20;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/v1/auth/access_token", TokenAsync);
        group.MapGet("/v1/blueprints", ListBlueprints);
        group.MapPost("/v1/blueprints", CreateBlueprintAsync);
        group.MapGet("/v1/blueprints/{blueprint}", GetBlueprint);
        group.MapPatch("/v1/blueprints/{blueprint}", PatchBlueprintAsync);
        group.MapGet("/v1/blueprints/{blueprint}/entities-count", CountEntities);
        group.MapPost("/v1/blueprints/{blueprint}/entities/search", SearchAsync);
        group.MapPost("/v1/blueprints/{blueprint}/entities/bulk", BulkAsync);
        group.MapPost("/v1/blueprints/{blueprint}/entities", CreateEntityAsync);
        group.MapGet("/v1/blueprints/{blueprint}/entities/{identifier}", GetEntity);
        group.MapPatch("/v1/blueprints/{blueprint}/entities/{identifier}", PatchEntityAsync);
        group.MapDelete("/v1/blueprints/{blueprint}/entities/{identifier}", DeleteEntity);
        group.MapDelete("/v1/blueprints/{blueprint}/all-entities", DeleteAllEntities);
        group.MapPost("/v1/blueprints/{blueprint}/bulk/entities/delete", DeleteManyAsync);
        group.MapDelete("/v1/blueprints/{blueprint}", () => Error(
            StatusCodes.Status405MethodNotAllowed,
            "method_not_allowed",
            "The sandbox does not delete blueprints."));
        group.MapDelete("/v1/users/{email}", UserDeletionRefused);

        // Every other path is still answered (and audited) by the sandbox, so a test can see a call to a route
        // the sandbox does not serve instead of it vanishing into the app's routing.
        group.Map("/{**path}", (HttpContext http) => Error(
            StatusCodes.Status404NotFound,
            "not_found",
            $"The sandbox has no route {http.Request.Method} {http.Request.Path}."));
    }

    private static async Task<IResult> TokenAsync(HttpContext http, SandboxState state)
    {
        var (node, refusal) = await ReadJsonAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (node is not JsonObject body || body.Count != 2
            || body["clientId"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var clientId)
            || body["clientSecret"] is not JsonValue secretValue || !secretValue.TryGetValue<string>(out var secret))
        {
            return Error(422, "invalid_request", "body must hold exactly the strings clientId and clientSecret.");
        }

        var options = state.Options;
        if (!string.Equals(clientId, options.PortClientId, StringComparison.Ordinal)
            || !string.Equals(secret, options.PortClientSecret, StringComparison.Ordinal))
        {
            return Error(401, "unauthorized", "The client credentials are not valid.");
        }

        var (token, expiresIn) = state.IssueToken(clientId);
        return Results.Json(new JsonObject
        {
            ["ok"] = true,
            ["accessToken"] = token,
            ["expiresIn"] = expiresIn,
            ["tokenType"] = "Bearer",
        });
    }

    private static IResult ListBlueprints(SandboxState state) =>
        SandboxPipeline.PortResult(state.UsePort((port, _) => PortOutcome.Ok("blueprints", port.ListBlueprints())));

    private static async Task<IResult> CreateBlueprintAsync(HttpContext http, SandboxState state)
    {
        var (node, refusal) = await ReadJsonAsync(http);
        return refusal ?? SandboxPipeline.PortResult(
            state.UsePort((port, now) => port.CreateBlueprint(node, now), outcome => outcome.StatusCode < 300));
    }

    private static IResult GetBlueprint(string blueprint, SandboxState state)
    {
        var found = state.UsePort((port, _) => port.GetBlueprint(Decode(blueprint)));
        return found is null
            ? Error(404, "not_found", $"Blueprint with identifier \"{Decode(blueprint)}\" was not found.")
            : SandboxPipeline.PortResult(PortOutcome.Ok("blueprint", found));
    }

    private static async Task<IResult> PatchBlueprintAsync(string blueprint, HttpContext http, SandboxState state)
    {
        var (node, refusal) = await ReadJsonAsync(http);
        return refusal ?? SandboxPipeline.PortResult(state.UsePort(
            (port, now) => port.PatchBlueprint(Decode(blueprint), node, now),
            outcome => outcome.StatusCode < 300));
    }

    private static IResult CountEntities(string blueprint, SandboxState state)
    {
        var id = Decode(blueprint);
        return SandboxPipeline.PortResult(state.UsePort((port, _) => port.HasBlueprint(id)
            ? PortOutcome.Ok("count", port.Entities(id).Count)
            : BlueprintNotFound(id)));
    }

    private static async Task<IResult> SearchAsync(string blueprint, HttpContext http, SandboxState state)
    {
        var id = Decode(blueprint);
        var (node, refusal) = await ReadJsonAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        return SandboxPipeline.PortResult(state.UsePort((port, _) =>
            port.HasBlueprint(id) ? port.Search(id, node ?? new JsonObject()) : BlueprintNotFound(id)));
    }

    private static async Task<IResult> BulkAsync(string blueprint, HttpContext http, SandboxState state)
    {
        var id = Decode(blueprint);
        var body = await SandboxBody.ReadAsync(http.Request, SandboxBody.PortLimitBytes, http.RequestAborted);
        if (body is null)
        {
            return TooLarge();
        }

        if (!state.UsePort((port, _) => port.HasBlueprint(id)))
        {
            return SandboxPipeline.PortResult(BlueprintNotFound(id));
        }

        var node = SandboxBody.Parse(body, out var parseError);
        if (parseError is not null)
        {
            return Error(422, "invalid_request", parseError);
        }

        if (node?["entities"] is not JsonArray items)
        {
            return Error(422, "invalid_request", "body/entities must be an array.");
        }

        if (items.Count is 0 or > MaxBulkItems)
        {
            return Error(
                422,
                "invalid_request",
                $"body/entities must hold 1 to {MaxBulkItems} items; it holds {items.Count}.");
        }

        if (ReadWriteOptions(http.Request.Query) is not { } options)
        {
            return BadFlags();
        }

        var results = state.UsePort(
            (port, now) => items
                .Select(item => port.Write(id, item, options.Mode, options.CreateMissing, null, now))
                .ToArray(),
            written => written.Any(result => result.Error is null));
        http.Items[SandboxPipeline.WritesItem] = new WrittenEntities(
            id,
            [.. results.Where(r => r.Error is null).Select(r => (r.Identifier ?? string.Empty, r.Created))]);
        var entities = new JsonArray();
        var errors = new JsonArray();
        for (var index = 0; index < results.Length; index++)
        {
            var result = results[index];
            if (result.Error is { } error)
            {
                errors.Add(new JsonObject
                {
                    ["identifier"] = result.Identifier ?? SentIdentifier(items[index]),
                    ["index"] = index,
                    ["statusCode"] = error.StatusCode,
                    ["error"] = error.Error,
                    ["message"] = error.Message,
                });
            }
            else
            {
                entities.Add(new JsonObject
                {
                    ["identifier"] = result.Identifier,
                    ["index"] = index,
                    ["created"] = result.Created,
                });
            }
        }

        var response = new JsonObject { ["ok"] = entities.Count > 0, ["entities"] = entities, ["errors"] = errors };
        var status = errors.Count == 0 ? StatusCodes.Status200OK : StatusCodes.Status207MultiStatus;
        return Results.Json(response, statusCode: status);
    }

    private static async Task<IResult> CreateEntityAsync(string blueprint, HttpContext http, SandboxState state)
    {
        var id = Decode(blueprint);
        var (node, refusal) = await ReadJsonAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (ReadWriteOptions(http.Request.Query) is not { } options)
        {
            return BadFlags();
        }

        return SandboxPipeline.PortResult(state.UsePort(
            (port, now) => WriteOne(port, id, node, options.Mode, options.CreateMissing, null, now),
            outcome => outcome.StatusCode < 300));
    }

    private static IResult GetEntity(string blueprint, string identifier, SandboxState state)
    {
        var (bp, id) = (Decode(blueprint), Decode(identifier));
        return SandboxPipeline.PortResult(state.UsePort((port, _) =>
            !port.HasBlueprint(bp) ? BlueprintNotFound(bp)
            : port.FindEntity(bp, id) is { } entity ? PortOutcome.Ok("entity", port.Render(bp, entity))
            : EntityNotFound(bp, id)));
    }

    private static async Task<IResult> PatchEntityAsync(
        string blueprint,
        string identifier,
        HttpContext http,
        SandboxState state)
    {
        var (bp, id) = (Decode(blueprint), Decode(identifier));
        var body = await SandboxBody.ReadAsync(http.Request, SandboxBody.PortLimitBytes, http.RequestAborted);
        if (body is null)
        {
            return TooLarge();
        }

        state.RecordEntityPatch(new SandboxReceivedPatch(
            http.Request.Path.Value ?? string.Empty,
            System.Text.Encoding.UTF8.GetString(body)));
        var node = SandboxBody.Parse(body, out var parseError);
        if (parseError is not null)
        {
            return Error(422, "invalid_request", parseError);
        }

        if (ReadWriteOptions(http.Request.Query) is not { } options)
        {
            return BadFlags();
        }

        return SandboxPipeline.PortResult(state.UsePort(
            (port, now) => WriteOne(port, bp, node, PortWriteMode.Patch, options.CreateMissing, id, now),
            outcome => outcome.StatusCode < 300));
    }

    private static IResult DeleteEntity(string blueprint, string identifier, SandboxState state)
    {
        var (bp, id) = (Decode(blueprint), Decode(identifier));
        if (bp == PortCatalog.UserBlueprint)
        {
            return UserDeletionRefused();
        }

        return SandboxPipeline.PortResult(state.UsePort(
            (port, _) => !port.HasBlueprint(bp) ? BlueprintNotFound(bp)
                : port.RemoveEntity(bp, id) ? new PortOutcome(200, new JsonObject { ["ok"] = true })
                : EntityNotFound(bp, id),
            outcome => outcome.StatusCode < 300));
    }

    private static IResult DeleteAllEntities(string blueprint, SandboxState state)
    {
        var bp = Decode(blueprint);
        if (bp == PortCatalog.UserBlueprint)
        {
            return UserDeletionRefused();
        }

        return SandboxPipeline.PortResult(state.UsePort(
            (port, _) => !port.HasBlueprint(bp) ? BlueprintNotFound(bp)
                : new PortOutcome(200, new JsonObject { ["ok"] = true, ["deleted"] = port.RemoveAllEntities(bp) }),
            outcome => outcome.StatusCode < 300));
    }

    private static async Task<IResult> DeleteManyAsync(string blueprint, HttpContext http, SandboxState state)
    {
        var bp = Decode(blueprint);
        if (bp == PortCatalog.UserBlueprint)
        {
            return UserDeletionRefused();
        }

        var (node, refusal) = await ReadJsonAsync(http);
        if (refusal is not null)
        {
            return refusal;
        }

        if (node?["entities"] is not JsonArray ids || ids.Count is 0 or > 100
            || ids.Any(id => id?.GetValueKind() != JsonValueKind.String))
        {
            return Error(422, "invalid_request", "body/entities must hold 1 to 100 entity identifiers.");
        }

        return SandboxPipeline.PortResult(state.UsePort(
            (port, _) => !port.HasBlueprint(bp) ? BlueprintNotFound(bp)
                : PortOutcome.Ok("deletedEntities", new JsonArray([
                    .. ids.Select(id => id!.GetValue<string>())
                        .Where(id => port.RemoveEntity(bp, id))
                        .Select(id => (JsonNode)id)])),
            outcome => outcome.StatusCode < 300));
    }

    // Deleting a _user entity deletes a real Port account; the sandbox refuses so a test can prove none was tried.
    private static IResult UserDeletionRefused() => Error(
        StatusCodes.Status405MethodNotAllowed,
        "method_not_allowed",
        "The sandbox never deletes Port users.");

    private static PortOutcome WriteOne(
        PortCatalog port,
        string blueprint,
        JsonNode? node,
        PortWriteMode mode,
        bool createMissing,
        string? routeIdentifier,
        DateTimeOffset now)
    {
        if (!port.HasBlueprint(blueprint))
        {
            return BlueprintNotFound(blueprint);
        }

        var result = port.Write(blueprint, node, mode, createMissing, routeIdentifier, now);
        if (result.Error is { } error)
        {
            return PortOutcome.Error(error);
        }

        var status = result.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        return PortOutcome.Ok("entity", port.Render(blueprint, result.Entity!), status);
    }

    private static (PortWriteMode Mode, bool CreateMissing)? ReadWriteOptions(IQueryCollection query)
    {
        var upsert = ReadFlag(query, "upsert");
        var merge = ReadFlag(query, "merge");
        var createMissing = ReadFlag(query, "create_missing_related_entities");
        if (upsert is null || merge is null || createMissing is null)
        {
            return null;
        }

        var mode = upsert.Value ? (merge.Value ? PortWriteMode.Merge : PortWriteMode.Replace) : PortWriteMode.Create;
        return (mode, createMissing.Value);
    }

    private static bool? ReadFlag(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return false;
        }

        return bool.TryParse(values.ToString(), out var flag) ? flag : null;
    }

    private static async Task<(JsonNode? Node, IResult? Refusal)> ReadJsonAsync(HttpContext http)
    {
        var body = await SandboxBody.ReadAsync(http.Request, SandboxBody.PortLimitBytes, http.RequestAborted);
        if (body is null)
        {
            return (null, TooLarge());
        }

        var node = SandboxBody.Parse(body, out var error);
        return error is null ? (node, null) : (null, Error(422, "invalid_request", error));
    }

    private static string SentIdentifier(JsonNode? item) =>
        item?["identifier"] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>()
            : "unknown";

    /// <summary>
    /// Route values arrive percent-decoded except <c>%2F</c>, which ASP.NET Core keeps encoded so a value cannot
    /// change the path; Port identifiers may hold <c>/</c>, so it is decoded here.
    /// </summary>
    private static string Decode(string routeValue) =>
        routeValue.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static PortOutcome BlueprintNotFound(string blueprint) =>
        PortOutcome.Error(404, "not_found", $"Blueprint with identifier \"{blueprint}\" was not found.");

    private static PortOutcome EntityNotFound(string blueprint, string identifier) =>
        PortOutcome.Error(404, "not_found", PortCatalog.EntityNotFoundMessage(blueprint, identifier));

    private static IResult BadFlags() =>
        Error(422, "invalid_request", "upsert, merge and create_missing_related_entities must be true or false.");

    private static IResult TooLarge() => Error(413, "payload_too_large", "Request body is too large (limit is 1MiB).");

    private static IResult Error(int statusCode, string error, string message) =>
        SandboxPipeline.PortResult(PortOutcome.Error(statusCode, error, message));
}
