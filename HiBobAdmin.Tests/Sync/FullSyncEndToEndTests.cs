using HiBobAdmin.Matching;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

/// <summary>
/// The whole engine against the sandbox over real HTTP: the Hangfire job, both clients, the reconciler and the
/// run record, asserting the state Port ends in and what the dashboard would show.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class FullSyncEndToEndTests
{
    [Fact]
    public async Task FullSync_LeavesSeededPortInStep_AndSecondRunWritesNothing()
    {
        await using var app = await SandboxApp.StartAsync();
        var seed = app.Sandbox.SeedSummary;
        bool IsAdmin(string identifier) => app.Sandbox.PropertyOf("_user", identifier, "port_role") == "Admin";
        var matched = seed.Of(SandboxSeedKind.Matched).Concat(seed.Of(SandboxSeedKind.MatchedCaseDiffers)).ToList();
        var relationsBefore = matched.Where(p => IsAdmin(p.PortIdentifier!))
            .ToDictionary(p => p.PortIdentifier!, p => app.Sandbox.RelationOf(p.PortIdentifier!));

        var first = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, first.Status);
        Assert.Equal(0, first.Failed);
        Assert.True(first.Linked > 0);
        foreach (var person in matched.Where(p => !IsAdmin(p.PortIdentifier!)))
        {
            Assert.Equal(person.EmployeeIds.Single(), app.Sandbox.RelationOf(person.PortIdentifier!));
        }

        // Port admins are never changed by a sync: their relation is as it was.
        foreach (var (admin, relation) in relationsBefore)
        {
            Assert.Equal(relation, app.Sandbox.RelationOf(admin));
        }

        foreach (var person in seed.Of(SandboxSeedKind.HiBobOnly))
        {
            var created = EmailAddress.Normalise(person.HiBobEmails.Single())!;
            Assert.Equal(person.EmployeeIds.Single(), app.Sandbox.RelationOf(created));
        }

        var snapshot = app.Snapshots.Current!;
        Assert.All(snapshot.People.Where(r => r.Status == LinkStatus.PendingLink), r => Assert.True(r.PortUser!.IsAdmin));
        Assert.Equal(0, snapshot.Count(LinkStatus.HiBobOnly));
        Assert.True(snapshot.Count(LinkStatus.Matched) > 200);

        app.Sandbox.ResetRequestCounts();
        var second = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        Assert.Equal(0, second.Planned);
        Assert.Equal(0, app.Sandbox.CountRequests(method: "POST", routeContains: "bulk"));
        Assert.Equal(0, app.Sandbox.CountRequests(method: "PATCH"));
        Assert.Equal(0, app.Sandbox.CountRequests(method: "DELETE"));
    }

    [Fact]
    public async Task FullSync_IsRefused_WhenAnotherFullSyncIsRunning()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sandbox:Faults:LatencyMs"] = "200" });
        await using var scope = app.Services.CreateAsyncScope();
        var launcher = scope.ServiceProvider.GetRequiredService<HiBobAdmin.Sync.SyncLauncher>();

        var first = await launcher.StartFullSyncAsync(SyncTrigger.Dashboard, "a", false, CancellationToken.None);
        var second = await launcher.StartFullSyncAsync(SyncTrigger.Dashboard, "b", false, CancellationToken.None);

        Assert.True(first.Accepted);
        Assert.False(second.Accepted);
        Assert.StartsWith("A full sync is already running (started ", second.Message, StringComparison.Ordinal);
        Assert.Equal(first.RunId, second.RunId);
        Assert.Equal(SyncRunStatus.Succeeded, (await app.WaitForRunAsync(first.RunId!.Value)).Status);
    }

    [Fact]
    public async Task DryRun_PlansEveryChange_AndWritesNothing()
    {
        await using var app = await SandboxApp.StartAsync();
        app.Sandbox.ResetRequestCounts();

        var run = await app.RunFullSyncAsync(dryRun: true);

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.True(run.Planned > 500);
        Assert.Equal(run.Planned, (await app.ItemsAsync(run.Id)).Count(i => i.Outcome == SyncItemOutcome.Planned));
        Assert.Equal(0, app.Sandbox.CountRequests(method: "POST", routeContains: "bulk"));
        Assert.Equal(0, app.Sandbox.CountRequests(method: "PATCH"));
        Assert.Null(app.Sandbox.GetBlueprint("hibob_user"));
    }
}
