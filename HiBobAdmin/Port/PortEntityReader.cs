using System.Text.Json.Nodes;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Port;

/// <summary>
/// Reads entities through <c>POST /v1/blueprints/{bp}/entities/search</c>, 1000 per page, following <c>next</c>
/// until Port stops sending one. Searches for given identifiers run side by side, as many at once as bulk writes.
/// </summary>
internal sealed class PortEntityReader(
    IPortApi api,
    IOptionsMonitor<PortWriteOptions> options,
    ILogger<PortEntityReader> logger)
{
    public const int PageSize = 1000;

    /// <summary>Identifiers per <c>$identifier in [...]</c> rule, to keep each search body small.</summary>
    public const int IdentifiersPerSearch = 100;

    /// <summary>
    /// Every entity of <paramref name="blueprint"/> when <paramref name="identifiers"/> is null, else only those
    /// identifiers. <paramref name="include"/> names what Port returns (<c>$identifier</c>, properties, relations).
    /// Each entity is mapped as its page is read and its JSON dropped at once (<see cref="PortSearchPage"/>); entities
    /// that <paramref name="map"/> turns into null are left out.
    /// </summary>
    public async Task<IReadOnlyList<T>> SearchAsync<T>(
        string blueprint,
        IReadOnlyList<string> include,
        IReadOnlyCollection<string>? identifiers,
        Func<JsonObject, T?> map,
        CancellationToken cancellationToken)
        where T : class
    {
        var entities = new List<T>();
        if (identifiers is null)
        {
            await SearchAllPagesAsync(blueprint, include, [], map, entities, cancellationToken);
            return entities;
        }

        var chunks = identifiers.Distinct(StringComparer.Ordinal).Chunk(IdentifiersPerSearch).ToArray();
        var found = new List<T>[chunks.Length];
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.MaxConcurrentRequests),
            CancellationToken = cancellationToken,
        };
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Length), parallel, async (index, token) =>
        {
            var rule = new JsonObject
            {
                ["property"] = "$identifier",
                ["operator"] = "in",
                ["value"] = new JsonArray([.. chunks[index].Select(id => (JsonNode?)JsonValue.Create(id))]),
            };
            found[index] = [];
            await SearchAllPagesAsync(blueprint, include, [rule], map, found[index], token);
        });

        // In the order asked, whichever search answered first.
        foreach (var part in found)
        {
            entities.AddRange(part);
        }

        return entities;
    }

    private async Task SearchAllPagesAsync<T>(
        string blueprint,
        IReadOnlyList<string> include,
        IReadOnlyList<JsonObject> rules,
        Func<JsonObject, T?> map,
        List<T> into,
        CancellationToken cancellationToken)
        where T : class
    {
        string? from = null;
        do
        {
            var body = SearchBody(include, rules, from);
            using var response = await PortErrors.SendAsync(
                token => api.SearchEntitiesAsync(blueprint, body, token),
                cancellationToken);
            await PortErrors.EnsureSuccessAsync(response, cancellationToken);
            var (entities, next) = await PortSearchPage.ReadAsync(response, map, into, logger, cancellationToken);
            PortLog.SearchPage(logger, blueprint, entities, next is not null);

            // A cursor that does not move would page forever.
            if (next is not null && string.Equals(next, from, StringComparison.Ordinal))
            {
                throw new VendorApiException(
                    PortErrors.Vendor,
                    (int)response.StatusCode,
                    $"Port returned the same page of {blueprint} twice; the search was stopped");
            }

            from = next;
        }
        while (from is not null);
    }

    internal static JsonObject SearchBody(IReadOnlyList<string> include, IReadOnlyList<JsonObject> rules, string? from)
    {
        var body = new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["combinator"] = "and",
                ["rules"] = new JsonArray([.. rules.Select(r => r.DeepClone())]),
            },
            ["include"] = new JsonArray([.. include.Select(f => (JsonNode?)JsonValue.Create(f))]),
            ["limit"] = PageSize,
        };

        // Port's schema types "from" as a string: absent on the first page, never null.
        if (from is not null)
        {
            body["from"] = from;
        }

        return body;
    }
}
