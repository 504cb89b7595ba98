using System.Text.Json;
using System.Text.Json.Nodes;
using HiBobAdmin.HiBob;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.Drills;

/// <summary>
/// 2,000 randomly mutated HiBob employee records (<see cref="HiBobPayloadMutator"/>) put into the sandbox verbatim and
/// read by a full sync over real HTTP: the run must finish, and every record must be accounted for once — synced, or
/// skipped with a reason that says which field was wrong.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class MutationDrillTests
{
    private const int Seed = 20_260_604;
    private const int Count = 2_000;

    private static readonly Lazy<IReadOnlyList<MutatedEmployee>> Records =
        new(() => HiBobPayloadMutator.Generate(Seed, Count));

    [Fact]
    public void Generate_MutatesMostRecordsInEveryWay_WithAFixedSeed()
    {
        var again = HiBobPayloadMutator.Generate(Seed, Count);

        Assert.Equal(Count, Records.Value.Count);
        Assert.Equal(
            Records.Value.Select(r => r.Wire),
            again.Select(r => r.Wire));
        var all = string.Join('\n', Records.Value.SelectMany(r => r.Mutations));
        Assert.All(
            (string[])["root.id missing", "root.id null", "root.id with", "root.id very long", "root.id repeats",
                "root.id as a JSON number", "email repeats", "wrong type", "null", "blank", "unicode", "characters",
                "missing", "work replaced", "internal replaced", "whole record", "creationDateTime ="],
            kind => Assert.Contains(kind, all, StringComparison.Ordinal));
        Assert.Contains("\\ud83d\"", SearchAnswer(), StringComparison.Ordinal);
        var untouched = Records.Value.Count(r => r.Mutations.Count == 0);
        Assert.InRange(untouched, Count / 20, Count / 4);
    }

    [Fact]
    public void Read_AccountsForEveryMutatedRecordOnce_WithIdsPortAccepts()
    {
        using var document = JsonDocument.Parse(SearchAnswer());
        var elements = document.RootElement.GetProperty("employees").EnumerateArray().ToList();

        var result = HiBobEmployeeReader.Read(elements);

        Assert.Equal(Count, result.Employees.Count + result.Skipped.Count);
        Assert.All(result.Employees, e => Assert.True(PortIdentifier.IsValid(e.Id), $"id {Escape(e.Id)} was read"));
        var expectedIds = Records.Value.Select(r => r.UsableId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        Assert.All(result.Employees, e => Assert.Contains(e.Id, expectedIds));
        Assert.All(result.Skipped, s => Assert.Matches(@"root\.id|internal\.status|employee object", s.Reason));
    }

    [Fact]
    public async Task FullSync_OfMutatedRecords_FinishesAndAccountsForEveryRecordOnce_ThenConverges()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await SandboxApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Sandbox:EmployeeCount"] = "0",
                ["Sync:CreateMissingPortUsers"] = "true",
            },
            services => services.AddSingleton<ILoggerProvider>(logs));
        foreach (var record in Records.Value)
        {
            app.Sandbox.AddVerbatimEmployee(record.Wire);
        }

        var first = await app.RunFullSyncAsync();
        var items = await app.ItemsAsync(first.Id);
        var rows = (app.Snapshots.Current?.People ?? []).Where(p => p.Employee is not null)
            .ToDictionary(p => p.Employee!.Id, StringComparer.Ordinal);
        app.Sandbox.ResetRequestCounts();
        var second = await app.RunFullSyncAsync();

        Assert.True(
            first.Status == SyncRunStatus.Succeeded,
            $"{first.Status}: {first.Message} {string.Join(" | ", logs.Entries.Where(e => e.Level >= LogLevel.Error))}");
        Assert.Equal(0, first.Failed);
        Assert.All(items, i => Assert.False(string.IsNullOrWhiteSpace(i.Message), $"{i.Action} {i.Subject} has no reason"));
        var skips = items.Where(i => i.Action == SyncItemAction.Skip).ToList();
        var entities = app.Sandbox.GetPortEntities("hibob_user").Select(Identifier).ToList();
        var users = app.Sandbox.GetPortEntities("_user").ToList();
        var linked = users.Select(u => u["relations"]?["hibob_user"]?.ToString()).OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        // Records with a usable id: one record-level outcome each (read into a row, repeated, or status withheld).
        foreach (var group in Records.Value.Where(r => r.UsableId is not null).GroupBy(r => r.UsableId!))
        {
            var id = group.Key;
            var recordLevel = (rows.ContainsKey(id) ? 1 : 0) + skips.Count(s => s.Subject == id
                && s.Message is PersonReasons.RepeatedId or HiBobMessages.StatusWithheld);
            Assert.True(group.Count() == recordLevel, $"{id}: {group.Count()} records, {recordLevel} outcomes; {string.Join(" | ", group)}");
            if (!rows.TryGetValue(id, out var row))
            {
                continue;
            }

            if (row.Employee!.IsActive)
            {
                Assert.True(entities.Contains(id), $"active {id} has no hibob_user entity; {string.Join(" | ", group)}");
                Assert.True(
                    linked.Contains(id) || skips.Any(s => s.Subject == id && s.Message != PersonReasons.RepeatedId),
                    $"active {id} is neither linked nor skipped with a reason; {string.Join(" | ", group)}");
            }
            else
            {
                Assert.Contains(skips, s => s.Subject == id && s.Message == PersonReasons.InactiveNotCreated);
            }
        }

        // Records without one: skipped by the reader, each once, saying root.id or that it was no object.
        var unusable = Records.Value.Where(r => r.UsableId is null).ToList();
        var ids = Records.Value.Select(r => r.UsableId).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unreadable = skips.Where(s => !ids.Contains(s.Subject)).ToList();
        Assert.Equal(unusable.Count, unreadable.Count);
        var subjects = unusable.SelectMany(SubjectsOf).ToHashSet(StringComparer.Ordinal);
        Assert.All(unreadable, s =>
        {
            Assert.Matches(@"root\.id|employee object", s.Message);
            Assert.Contains(s.Subject, subjects);
        });

        Assert.InRange(entities.Count, Count / 2, Count); // most records survive their mutations and are synced
        Assert.InRange(linked.Count, Count / 3, entities.Count);
        Assert.All(entities, e => Assert.Contains(e, ids));
        Assert.All(app.Sandbox.GetPortEntities("hibob_user"), entity => Assert.All(
            [entity["title"], .. entity["properties"]!.AsObject().Select(p => p.Value)],
            value => Assert.True(
                HiBobPayloadMutator.TextOf(value) is not { Length: > HiBobEmployeeReader.MaxTextLength },
                $"{Identifier(entity)} carries a value of {HiBobPayloadMutator.TextOf(value)?.Length} characters")));
        Assert.Equal(entities.Count, entities.Distinct(StringComparer.Ordinal).Count());
        var userIds = users.Select(Identifier).ToList();
        Assert.Equal(userIds.Count, userIds.Distinct(StringComparer.OrdinalIgnoreCase).Count());

        Assert.True(second.Status == SyncRunStatus.Succeeded, $"{second.Status}: {second.Message}");
        Assert.Equal(0, second.Planned);
        Assert.Equal(0, app.Sandbox.CountRequests(method: "POST", routeContains: "/entities/bulk"));
    }

    /// <summary>The answer of <c>POST /v1/people/search</c>: the records as the sandbox stores and returns them.</summary>
    private static string SearchAnswer() =>
        "{\"employees\":[" + string.Join(',', Records.Value.Select(r => r.Wire)) + "]}";

    /// <summary>What a run item may name a record without a usable id by: its position, email or id as sent.</summary>
    private static IEnumerable<string> SubjectsOf(MutatedEmployee record)
    {
        yield return $"employees[{record.Position}]";
        if (record.Json is not JsonObject json)
        {
            yield break;
        }

        foreach (var value in (JsonNode?[])[json["email"], json["/root/email"]?["value"], json["id"], json["/root/id"]?["value"]])
        {
            if (HiBobPayloadMutator.TextOf(value) is { } text
                && HiBobEmployeeReader.WellFormed(text.Trim()) is { Length: > 0 } trimmed)
            {
                yield return trimmed;
                yield return trimmed.Length <= 19 ? trimmed : trimmed[..(char.IsHighSurrogate(trimmed[18]) ? 18 : 19)] + "…";
            }
        }
    }

    private static string Identifier(JsonObject entity) => entity["identifier"]!.GetValue<string>();

    private static string Escape(string text) =>
        string.Concat(text.Take(40).Select(c => c is >= ' ' and <= '~' ? c.ToString() : $"\\u{(int)c:X4}"));
}
