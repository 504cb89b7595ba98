using System.Text.Json.Nodes;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Drills;

/// <summary>
/// A 10k-employee full sync against a sandbox that answers 30 % of requests 429 (Retry-After 0), 5 % 503, loses
/// the answer of 2 % of bulk writes after applying them, adds latency spikes and expires every Port token part way.
/// Waits are kept short through <c>Port:FirstRetryDelayMs</c>, not by turning any retry off.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class FaultsDrillTests
{
    private const int Employees = 10_000;

    private static readonly Dictionary<string, string?> Faults = new()
    {
        ["Sandbox:EmployeeCount"] = Employees.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Sandbox:Faults:RateLimitShare"] = "0.3",
        ["Sandbox:Faults:RetryAfterSeconds"] = "0",
        ["Sandbox:Faults:ServerErrorShare"] = "0.05",
        ["Sandbox:Faults:LostAnswerShare"] = "0.02",
        ["Sandbox:Faults:LatencySpikeShare"] = "0.02",
        ["Sandbox:Faults:LatencySpikeMs"] = "150",
        ["Sandbox:Faults:ExpireTokensAfterRequests"] = "300",
        ["Port:FirstRetryDelayMs"] = "2",
    };

    [Fact]
    public async Task FullSyncUnderFaults_AppliesOrRecordsEveryPlannedChange_AndTheNextRunSendsOnlyTheRest()
    {
        await using var app = await SandboxApp.StartAsync(Faults);
        app.Sandbox.TurnFaultsOff();
        var dryRun = await app.RunFullSyncAsync(dryRun: true);
        var plan = Changes(await app.ItemsAsync(dryRun.Id));
        app.Sandbox.ResetRequestCounts();
        RestoreFaults(app.Sandbox);

        app.Sandbox.EnqueueFault(422, "hibob_user/entities/bulk");
        app.Sandbox.EnqueueFault(422, "_user/entities/bulk");

        var first = await app.RunFullSyncAsync();
        var firstItems = Changes(await app.ItemsAsync(first.Id));
        app.Sandbox.TurnFaultsOff();
        var second = await app.RunFullSyncAsync();
        var secondItems = Changes(await app.ItemsAsync(second.Id));
        var third = await app.RunFullSyncAsync();

        Assert.True(plan.Count > Employees, $"the plan holds only {plan.Count} changes");
        Assert.Equal(SyncRunStatus.CompletedWithFailures, first.Status);
        Assert.Equal(Keys(plan), Keys(firstItems));
        Assert.All(firstItems, item => Assert.True(
            item.Outcome == SyncItemOutcome.Applied
            || (item.Outcome == SyncItemOutcome.Failed && !string.IsNullOrWhiteSpace(item.Message)),
            $"{item.Action} {item.Subject} ended {item.Outcome} with '{item.Message}'"));
        Assert.All(firstItems.Where(i => i.Outcome == SyncItemOutcome.Applied), item => AssertInPort(app.Sandbox, item));
        Assert.Contains(firstItems, i => i.Message == "Port 422: Failure injected by the sandbox.");
        Assert.True(app.Sandbox.CountRequests(statusCode: 429) > 100, "the drill injected too few 429s to mean much");
        Assert.True(app.Sandbox.CountRequests(statusCode: 401) > 0, "the token never expired mid-run");

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        Assert.Equal(
            Keys(firstItems.Where(i => i.Outcome == SyncItemOutcome.Failed)),
            Keys(secondItems));
        Assert.All(secondItems, item => AssertInPort(app.Sandbox, item));
        Assert.Equal(0, third.Planned);

        var writes = app.Sandbox.WriteCounts;
        Assert.All(writes, pair => Assert.True(
            pair.Value.Answered <= 1 && pair.Value.Created <= 1,
            $"{pair.Key.Blueprint} {pair.Key.Identifier} was written {pair.Value.Answered} times and created "
            + $"{pair.Value.Created} times"));
        var users = app.Sandbox.GetPortEntities("_user").Select(Identifier).ToList();
        Assert.Equal(users.Count, users.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var employees = app.Sandbox.GetPortEntities("hibob_user").Select(Identifier).ToList();
        Assert.Equal(employees.Count, employees.Distinct(StringComparer.Ordinal).Count());
    }

    private static void RestoreFaults(SandboxState sandbox) => sandbox.RestoreConfiguredFaults();

    private static List<SyncRunItem> Changes(IEnumerable<SyncRunItem> items) =>
        [.. items.Where(i => i.Action != SyncItemAction.Skip)];

    private static List<string> Keys(IEnumerable<SyncRunItem> items) =>
        [.. items.Select(i => $"{i.Action} {i.Subject}").Order(StringComparer.Ordinal)];

    private static string Identifier(JsonObject entity) => entity["identifier"]!.GetValue<string>();

    private static void AssertInPort(SandboxState sandbox, SyncRunItem item)
    {
        switch (item.Action)
        {
            case SyncItemAction.CreateEntity or SyncItemAction.UpdateEntity or SyncItemAction.MarkInactive:
                Assert.NotNull(sandbox.GetPortEntity("hibob_user", item.Subject));
                break;
            default:
                var user = sandbox.GetPortEntity("_user", item.Subject);
                Assert.NotNull(user);
                Assert.False(
                    string.IsNullOrEmpty(user["relations"]?["hibob_user"]?.ToString()),
                    $"{item.Action} {item.Subject} was reported applied but the user has no hibob_user relation");
                break;
        }
    }
}
