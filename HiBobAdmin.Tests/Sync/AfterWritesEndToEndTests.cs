using HiBobAdmin.HiBob;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.Sync;

/// <summary>
/// After writing, a run shows Port as its accepted writes left it, without reading every page again (decision
/// 0051): what the dashboard then shows must be exactly what a fresh read of both sides would show, refused writes,
/// leavers, renames, removals and created users included.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class AfterWritesEndToEndTests
{
    [Fact]
    public async Task PeopleShownAfterASync_AreWhatAFreshReadShows_WithRefusedWritesLeftAsTheyWere()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?>
        {
            ["Sync:MaxConcurrentRequests"] = "1",
            ["Sync:RemoveStaleEntities"] = "true",
        });
        await app.Services.GetRequiredService<DataModelGate>().EnsureReadyAsync(CancellationToken.None);
        app.Sandbox.EnqueueFault(422, "hibob_user/entities/bulk");
        app.Sandbox.EnqueueFault(422, "_user/entities/bulk");
        app.Sandbox.ResetRequestCounts();

        var first = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.CompletedWithFailures, first.Status);
        Assert.True(first.Failed >= 40, $"{first.Failed} failed");
        Assert.True(first.Created > 0);
        await AssertShownAsFreshReadShowsAsync(app);

        // The rest of the written catalogue: renames, a leaver, someone gone from HiBob (a stale entity, removed).
        var people = app.Snapshots.Current!.People.Where(r => r.Status == LinkStatus.Matched).Select(r => r.Employee!.Id).ToList();
        app.Sandbox.SetEmployeeField(people[0], HiBobFields.DisplayName, "Renamed Once");
        app.Sandbox.SetEmployeeField(people[1], HiBobFields.Department, null);
        app.Sandbox.SetEmployeeField(people[2], HiBobFields.Status, "Inactive");
        var unlinked = app.Snapshots.Current!.People
            .First(r => r.PortUser is null && r.Employee is { } e && app.Sandbox.GetPortEntity("hibob_user", e.Id) is not null)
            .Employee!.Id;
        Assert.True(app.Sandbox.RemoveEmployee(unlinked));

        var second = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        Assert.Contains(await app.ItemsAsync(second.Id), i => i.Action == SyncItemAction.RemoveEntity && i.Subject == unlinked);
        await AssertShownAsFreshReadShowsAsync(app);
        Assert.Equal(0, (await app.RunFullSyncAsync()).Planned);
    }

    [Fact]
    public async Task PeopleShownAfterASingleUserSync_AreWhatAFreshReadShows()
    {
        await using var app = await SandboxApp.StartAsync();
        var first = await app.RunFullSyncAsync();
        var someone = app.Snapshots.Current!.People.First(r => r.Status == LinkStatus.Matched).Employee!;
        app.Sandbox.SetEmployeeField(someone.Id, HiBobFields.Title, "Principal Engineer");

        var single = await app.RunSingleUserSyncAsync(someone.Id);

        Assert.Equal(SyncRunStatus.Succeeded, first.Status);
        Assert.Equal(SyncRunStatus.Succeeded, single.Status);
        Assert.Equal(1, single.Updated);
        await AssertShownAsFreshReadShowsAsync(app);
    }

    private static async Task AssertShownAsFreshReadShowsAsync(SandboxApp app)
    {
        var options = app.Services.GetRequiredService<IOptions<SyncOptions>>().Value;
        await using var scope = app.Services.CreateAsyncScope();
        var fresh = await scope.ServiceProvider.GetRequiredService<SyncStateReader>().ReadAllAsync(CancellationToken.None);
        var expected = fresh.ToSnapshot(Reconciler.Reconcile(fresh.ToInput(options)));
        var shown = app.Snapshots.Current!;

        Assert.Equal(Rows(expected), Rows(shown));
        Assert.Equal(Plan(expected.Plan), Plan(shown.Plan));
        Assert.Equal(expected.ServiceAccounts, shown.ServiceAccounts);
    }

    private static List<string> Rows(PeopleSnapshot snapshot) =>
    [
        .. snapshot.People
            .Select(r => $"{r.Employee?.Id} | {r.PortUser} | {r.Status} | {r.NormalisedEmail} | {r.Reason} | {r.Decision}")
            .Order(StringComparer.Ordinal),
    ];

    private static List<string> Plan(SyncPlan plan) =>
    [
        .. plan.HibobUserWrites.Select(w => $"{w.Kind} {w.Entity}"),
        .. plan.UserLinkWrites.Select(w => w.ToString()),
        .. plan.StaleEntities.Select(s => s.ToString()),
        .. plan.EntityRemovals,
        $"unchanged {plan.Unchanged}",
    ];
}
