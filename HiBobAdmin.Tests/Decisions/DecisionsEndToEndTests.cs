using System.Text.Json.Nodes;
using HiBobAdmin.Audit;
using HiBobAdmin.Decisions;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Decisions;

/// <summary>Manual decisions, email changes and stale entities through the whole app against the sandbox.</summary>
[Collection(WholeApp.Name)]
public sealed class DecisionsEndToEndTests
{
    private static async Task<SandboxApp> StartEmptyAsync(bool removeStale = false)
    {
        var app = await SandboxApp.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:EmployeeCount"] = "0",
            ["Sync:RemoveStaleEntities"] = removeStale ? "true" : "false",
        });
        await app.Services.GetRequiredService<DataModelGate>().EnsureReadyAsync(CancellationToken.None);
        return app;
    }

    private static PersonRow RowOf(SandboxApp app, string employeeId) =>
        app.Snapshots.Current!.People.Single(p => p.Employee?.Id == employeeId);

    private static void PutEntity(SandboxApp app, string id, string title) =>
        app.Sandbox.PutPortEntity("hibob_user", new JsonObject
        {
            ["identifier"] = id,
            ["title"] = title,
            ["properties"] = new JsonObject { ["state"] = "Active" },
            ["relations"] = new JsonObject(),
        });

    [Fact]
    public async Task ManualLink_IsSetAndKeptByEverySync_AndUndoReturnsToEmailMatching()
    {
        await using var app = await StartEmptyAsync();
        var ann = app.Sandbox.AddEmployee("3001", "ann@example.com");
        app.Sandbox.AddPortUser("annie@contractor.io");
        app.Sandbox.AddPortUser("ann@example.com");
        var store = app.Services.GetRequiredService<ManualDecisionStore>();
        var employee = new Employee { Id = ann, IsActive = true, DisplayName = "Person 3001" };

        await store.LinkAsync(employee, "annie@contractor.io", "hr@example.com", CancellationToken.None);
        var first = await app.RunFullSyncAsync();
        var second = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, first.Status);
        Assert.Equal(ann, app.Sandbox.RelationOf("annie@contractor.io"));
        Assert.Null(app.Sandbox.RelationOf("ann@example.com"));
        Assert.Equal(2, app.Sandbox.GetPortEntities("_user").Count);
        Assert.Equal(0, second.Planned);
        var row = RowOf(app, ann);
        Assert.Equal(LinkStatus.Matched, row.Status);
        Assert.Equal("hr@example.com", row.Decision?.By);
        Assert.EndsWith("Linked manually by hr@example.com on " + PersonReasons.Day(row.Decision!.At) + ".", row.Reason);

        var link = (await store.ListLinksAsync(CancellationToken.None)).Single();
        await store.RemoveLinkAsync(link.Id, "hr@example.com", CancellationToken.None);
        await app.RunFullSyncAsync();

        Assert.Equal(ann, app.Sandbox.RelationOf("ann@example.com"));
        Assert.Null(RowOf(app, ann).Decision);
    }

    [Fact]
    public async Task EmailChange_UpdatesOnlyTheEntityEmail_AndCreatesNoSecondPortUser()
    {
        await using var app = await StartEmptyAsync();
        var bo = app.Sandbox.AddEmployee("3002", "bo.old@example.com");
        await app.RunFullSyncAsync();
        app.Sandbox.SetEmployeeField(bo, "root.email", "bo.new@example.com");
        app.Sandbox.ResetRequestCounts();

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(1, run.Planned);
        Assert.Equal(["bo.old@example.com"], app.Sandbox.GetPortEntities("_user").Select(u => u["identifier"]!.GetValue<string>()));
        Assert.Equal(bo, app.Sandbox.RelationOf("bo.old@example.com"));
        Assert.Equal("bo.new@example.com", app.Sandbox.PropertyOf("hibob_user", bo, "email"));
        Assert.Equal(1, app.Sandbox.CountRequests("POST", "/entities/bulk"));
        Assert.Equal(LinkStatus.EmailChanged, RowOf(app, bo).Status);
    }

    [Fact]
    public async Task StaleEntity_IsListed_AndRemovedOnlyByAnExplicitAuditedAction()
    {
        await using var app = await StartEmptyAsync();
        app.Sandbox.AddEmployee("3003", "cy@example.com");
        PutEntity(app, "9001", "Gone Person");
        await app.RunFullSyncAsync();

        var stale = Assert.Single(app.Snapshots.Current!.Plan.StaleEntities);
        Assert.Equal(("9001", false), (stale.Identifier, stale.IsLinked));
        Assert.NotNull(app.Sandbox.GetPortEntity("hibob_user", "9001"));

        DecisionResult result;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            result = await scope.ServiceProvider.GetRequiredService<StaleEntityRemover>()
                .RemoveAsync("9001", "ops@example.com", CancellationToken.None);
        }

        Assert.Equal(DecisionResult.Done("Removed the stale hibob_user entity 9001 (Gone Person)."), result);
        Assert.Null(app.Sandbox.GetPortEntity("hibob_user", "9001"));
        Assert.Equal(1, app.Sandbox.CountRequests("DELETE", "/entities/{identifier}", 200));
        Assert.Equal(1, app.Sandbox.CountRequests("DELETE"));
        Assert.Single(app.Sandbox.GetPortEntities("_user"));
        Assert.Empty(app.Snapshots.Current!.Plan.StaleEntities);
        var entries = await app.Services.GetRequiredService<AuditLog>()
            .PageAsync(new AuditCriteria(AuditAction.EntityRemoved), 0, 10, CancellationToken.None);
        Assert.Equal("ops@example.com", Assert.Single(entries.Items).Actor);
    }

    [Fact]
    public async Task StaleEntities_AreRemovedBySync_OnlyWhenOptedIn_AndNeverWhileLinked()
    {
        await using var app = await StartEmptyAsync(removeStale: true);
        app.Sandbox.AddEmployee("3004", "di@example.com");
        PutEntity(app, "9002", "Gone");
        PutEntity(app, "9003", "Gone But Linked");
        app.Sandbox.AddPortUser("kept@example.com", linkedTo: "9003");

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Null(app.Sandbox.GetPortEntity("hibob_user", "9002"));
        Assert.NotNull(app.Sandbox.GetPortEntity("hibob_user", "9003"));
        Assert.Equal("9003", app.Sandbox.RelationOf("kept@example.com"));
        var items = await app.ItemsAsync(run.Id);
        var removal = Assert.Single(items, i => i.Action == SyncItemAction.RemoveEntity);
        Assert.Equal(("9002", SyncItemOutcome.Applied), (removal.Subject, removal.Outcome));
    }
}
