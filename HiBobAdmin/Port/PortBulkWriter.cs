using System.Net;
using System.Text.Json.Nodes;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Port;

/// <summary>
/// Bulk upserts with <c>upsert=true&amp;merge=true</c>: at most 20 entities and under 1 MiB per request, at most
/// <c>Sync:MaxConcurrentRequests</c> requests in flight. Port answers per item (200/207, matched back by
/// <c>index</c>); a failed item is an outcome, only a rejected token stops the run.
/// </summary>
internal sealed class PortBulkWriter(
    IPortApi api,
    IOptionsMonitor<PortWriteOptions> options,
    ILogger<PortBulkWriter> logger)
{
    public const int MaxEntitiesPerRequest = 20;

    /// <summary>Port's body cap (1 MiB); a body must stay below it.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    internal const string NotReported = "Port did not report this item";

    // {"entities":[ and ]}
    private const int EnvelopeBytes = 15;

    /// <summary>
    /// Writes <paramref name="items"/> to <paramref name="blueprint"/> and returns one outcome per item, in input
    /// order. <paramref name="progress"/> receives the running count of finished items, once per item.
    /// </summary>
    public async Task<IReadOnlyList<PortWriteOutcome>> WriteAsync(
        string blueprint,
        IReadOnlyList<PortBulkItem> items,
        IProgress<int>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(items);

        var outcomes = new PortWriteOutcome[items.Count];
        var finished = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.MaxConcurrentRequests),
            CancellationToken = cancellationToken,
        };

        await Parallel.ForEachAsync(Batch(items), parallel, async (batch, token) =>
        {
            var results = await SendAsync(blueprint, items, batch, token);
            for (var position = 0; position < batch.Length; position++)
            {
                outcomes[batch[position]] = results[position];
                progress?.Report(Interlocked.Increment(ref finished));
            }
        });

        return outcomes;
    }

    /// <summary>Input positions grouped into request-sized batches: 20 items at most, body under 1 MiB.</summary>
    internal static IReadOnlyList<int[]> Batch(IReadOnlyList<PortBulkItem> items)
    {
        var batches = new List<int[]>();
        var current = new List<int>();
        var size = EnvelopeBytes;
        for (var index = 0; index < items.Count; index++)
        {
            var itemSize = items[index].Utf8Body.Length;
            var added = itemSize + (current.Count == 0 ? 0 : 1);
            if (current.Count > 0 && (current.Count == MaxEntitiesPerRequest || size + added >= MaxBodyBytes))
            {
                batches.Add([.. current]);
                current.Clear();
                size = EnvelopeBytes;
                added = itemSize;
            }

            current.Add(index);
            size += added;
        }

        if (current.Count > 0)
        {
            batches.Add([.. current]);
        }

        return batches;
    }

    private async Task<PortWriteOutcome[]> SendAsync(
        string blueprint,
        IReadOnlyList<PortBulkItem> items,
        int[] batch,
        CancellationToken cancellationToken)
    {
        var body = new JsonObject
        {
            ["entities"] = new JsonArray([.. batch.Select(i => items[i].Body())]),
        };
        using var response = await PortErrors.SendAsync(
            token => api.UpsertEntitiesAsync(blueprint, body, token),
            cancellationToken);
        var status = (int)response.StatusCode;
        PortLog.BulkAnswered(logger, blueprint, batch.Length, status);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            // The token handler already fetched a new token once: the credentials no longer work, so the run stops.
            throw new VendorApiException(PortErrors.Vendor, status, PortErrors.AuthenticationFailed);
        }

        if (response.StatusCode == HttpStatusCode.RequestEntityTooLarge && batch.Length > 1)
        {
            PortLog.BulkSplit(logger, blueprint, batch.Length);
            var half = batch.Length / 2;
            var first = await SendAsync(blueprint, items, batch[..half], cancellationToken);
            var second = await SendAsync(blueprint, items, batch[half..], cancellationToken);
            return [.. first, .. second];
        }

        if (!response.IsSuccessStatusCode)
        {
            var message = await PortErrors.DescribeAsync(response, cancellationToken);
            PortLog.BulkFailed(logger, blueprint, batch.Length, message);
            return [.. batch.Select(i => Failed(items[i], message))];
        }

        JsonObject answer;
        try
        {
            answer = await PortErrors.ReadObjectAsync(response, logger, cancellationToken);
        }
        catch (VendorApiException ex)
        {
            var message = $"Port {status}: {ex.Message}";
            PortLog.BulkFailed(logger, blueprint, batch.Length, message);
            return [.. batch.Select(i => Failed(items[i], message))];
        }

        return ReadItems(answer, items, batch);
    }

    /// <summary>Matches <c>entities[]</c> and <c>errors[]</c> back to the sent items by their <c>index</c>.</summary>
    private static PortWriteOutcome[] ReadItems(JsonObject answer, IReadOnlyList<PortBulkItem> items, int[] batch)
    {
        var results = new PortWriteOutcome?[batch.Length];
        foreach (var entity in (answer["entities"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (Index(entity, batch.Length) is { } position)
            {
                var created = entity["created"] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
                results[position] = new PortWriteOutcome(items[batch[position]].Identifier, true, created, null);
            }
        }

        foreach (var error in (answer["errors"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            if (Index(error, batch.Length) is { } position)
            {
                var statusCode = Number(error["statusCode"]) ?? 0;
                var message = PortErrors.Text(error["message"]) ?? PortErrors.Text(error["error"]);
                results[position] = Failed(items[batch[position]], PortErrors.ItemMessage(statusCode, message));
            }
        }

        return [.. results.Select((result, position) => result ?? Failed(items[batch[position]], NotReported))];
    }

    private static PortWriteOutcome Failed(PortBulkItem item, string message) =>
        new(item.Identifier, false, false, message);

    private static int? Index(JsonObject item, int count) =>
        Number(item["index"]) is { } index && index >= 0 && index < count ? index : null;

    private static int? Number(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        if (value.TryGetValue<int>(out var integer))
        {
            return integer;
        }

        var whole = value.TryGetValue<double>(out var number)
            && number == Math.Floor(number)
            && Math.Abs(number) < int.MaxValue;
        return whole ? (int)number : null;
    }
}
