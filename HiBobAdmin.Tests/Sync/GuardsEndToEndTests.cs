using System.Text.Json.Nodes;
using HiBobAdmin.Audit;
using HiBobAdmin.HiBob;
using HiBobAdmin.Matching;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

/// <summary>
/// The guards, protected accounts, preview and approval through the whole app against the sandbox, asserting what
/// Port received (nothing, for a blocked run) and what the run record and the audit log say.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class GuardsEndToEndTests
{
    private const int People = 10;

    private static async Task<SandboxApp> StartWithOrganisationAsync(Dictionary<string, string?>? settings = null)
    {
        var config = new Dictionary<string, string?>
        {
            ["Sandbox:EmployeeCount"] = "0",
            ["Sync:MinChangesToBlock"] = "1",
        };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        var app = await SandboxApp.StartAsync(config);
        for (var i = 1; i <= People; i++)
        {
            app.Sandbox.AddEmployee($"300{i:D2}", $"p{i}@example.com");
            app.Sandbox.AddPortUser($"p{i}@example.com");
        }

        return app;
    }

    /// <summary>Every request that could change Port: anything but reads, searches and the token exchange.</summary>
    private static int PortWrites(SandboxApp app) => app.Sandbox.RequestCounts
        .Where(r => r.Key.Route.StartsWith(SandboxEndpointRouteBuilderExtensions.PortPrefix, StringComparison.Ordinal))
        .Where(r => r.Key.Method != "GET"
            && !r.Key.Route.EndsWith("/entities/search", StringComparison.Ordinal)
            && !r.Key.Route.EndsWith("/auth/access_token", StringComparison.Ordinal))
        .Sum(r => r.Value);

    private static async Task<LaunchResult> ApproveAsync(SandboxApp app, Guid runId, string actor)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunDecisions>().ApproveAsync(runId, actor, CancellationToken.None);
    }

    private static async Task<SyncRun> ApplyPreviewAsync(SandboxApp app, Guid previewId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var launch = await scope.ServiceProvider.GetRequiredService<RunDecisions>()
            .ApplyPreviewAsync(previewId, "ada", CancellationToken.None);
        Assert.True(launch.Accepted, launch.Message);
        return await app.WaitForRunAsync(launch.RunId!.Value);
    }

    private static async Task<IReadOnlyList<AuditEntry>> AuditAsync(SandboxApp app, AuditAction action) =>
        (await app.Services.GetRequiredService<AuditLog>().PageAsync(new AuditCriteria(action), 0, 50, CancellationToken.None)).Items;

    [Fact]
    public async Task CompletenessGuard_BlocksWithoutWriting_ThenApplyAnywayAppliesOnce_AndIsAudited()
    {
        await using var app = await StartWithOrganisationAsync();
        Assert.Equal(SyncRunStatus.Succeeded, (await app.RunFullSyncAsync()).Status);
        for (var i = 1; i <= 5; i++)
        {
            app.Sandbox.RemoveEmployee($"300{i:D2}");
        }

        app.Sandbox.AddEmployee("30100", "new.joiner@example.com");
        app.Sandbox.ResetRequestCounts();

        var blocked = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Blocked, blocked.Status);
        Assert.Equal(
            "Blocked: HiBob returned 6 active employees, 60% of the 10 in the last successful run (threshold 80%).",
            blocked.Message);
        Assert.Equal(0, PortWrites(app));
        Assert.Null(app.Sandbox.GetPortEntity("hibob_user", "30100"));
        var wouldDo = (await app.ItemsAsync(blocked.Id)).Where(i => i.Outcome == SyncItemOutcome.Planned).ToList();
        Assert.Equal([SyncItemAction.CreateEntity, SyncItemAction.CreateUser], wouldDo.Select(i => i.Action));

        var approval = await ApproveAsync(app, blocked.Id, "ada");
        var applied = await app.WaitForRunAsync(approval.RunId!.Value);
        var again = await ApproveAsync(app, blocked.Id, "bob");

        Assert.True(approval.Accepted, approval.Message);
        Assert.Equal(SyncRunStatus.Succeeded, applied.Status);
        Assert.StartsWith("Applied the approved plan with the guards waived. 2 created,", applied.Message, StringComparison.Ordinal);
        Assert.Equal("ada", applied.StartedBy);
        Assert.Equal("Active", app.Sandbox.PropertyOf("hibob_user", "30100", "state"));
        Assert.Equal("30100", app.Sandbox.RelationOf("new.joiner@example.com"));
        Assert.False(again.Accepted);
        Assert.Equal("This run was already approved by ada.", again.Message);
        var audit = Assert.Single(await AuditAsync(app, AuditAction.SyncApproved));
        Assert.Equal("ada", audit.Actor);
        Assert.Equal(blocked.Id.ToString(), audit.Subject);
        Assert.Contains(blocked.Message!, audit.Detail, StringComparison.Ordinal);
        Assert.Equal("ada", (await app.FindRunAsync(blocked.Id)).ApprovedBy);
    }

    [Fact]
    public async Task CompletenessGuard_Blocks_WhenNoEmployeeHasAnEmail()
    {
        await using var app = await StartWithOrganisationAsync();
        foreach (var id in app.Sandbox.EmployeeIds)
        {
            app.Sandbox.SetEmployeeField(id, HiBobFields.Email, null);
        }

        app.Sandbox.ResetRequestCounts();

        var blocked = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Blocked, blocked.Status);
        Assert.Equal(
            "Blocked: HiBob returned 10 employees and none has a work email (root.email); check the service user's permissions.",
            blocked.Message);
        Assert.Equal(0, PortWrites(app));
        Assert.Null(app.Sandbox.GetBlueprint("hibob_user"));
    }

    [Fact]
    public async Task ChangeVolumeGuard_BlocksWithoutWriting_AndRecordsWhatItWouldDo_ThenApplyAnywayApplies()
    {
        await using var app = await StartWithOrganisationAsync(new() { ["Sync:MinActiveEmployeesPercent"] = "50" });
        Assert.Equal(SyncRunStatus.Succeeded, (await app.RunFullSyncAsync()).Status);
        string[] leavers = ["30001", "30002", "30003"];
        foreach (var id in leavers)
        {
            app.Sandbox.SetEmployeeField(id, HiBobFields.Status, "Inactive");
        }

        app.Sandbox.ResetRequestCounts();

        var blocked = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Blocked, blocked.Status);
        Assert.Equal(
            "Blocked: this run would mark inactive 3 of 10 hibob_user entities (30%, threshold 20%).", blocked.Message);
        Assert.Equal(0, PortWrites(app));
        Assert.Equal("Active", app.Sandbox.PropertyOf("hibob_user", "30001", "state"));
        var wouldDo = (await app.ItemsAsync(blocked.Id)).Where(i => i.Outcome == SyncItemOutcome.Planned).ToList();
        Assert.Equal(leavers, wouldDo.Select(i => i.Subject).Order());
        Assert.All(wouldDo, i => Assert.Equal(SyncItemAction.MarkInactive, i.Action));
        Assert.All(wouldDo, i => Assert.Equal("state: \"Active\" → \"Inactive\"", i.Message));

        var approval = await ApproveAsync(app, blocked.Id, "ada");
        var applied = await app.WaitForRunAsync(approval.RunId!.Value);

        Assert.Equal(SyncRunStatus.Succeeded, applied.Status);
        Assert.True(PortWrites(app) > 0);
        Assert.All(leavers, id => Assert.Equal("Inactive", app.Sandbox.PropertyOf("hibob_user", id, "state")));
        Assert.Equal(
            leavers,
            (await app.ItemsAsync(applied.Id)).Where(i => i.Outcome == SyncItemOutcome.Applied).Select(i => i.Subject).Order());
    }

    [Fact]
    public async Task ApplyAnyway_ChecksTheGuardsAgain_WhenThePlanChangedSinceTheBlockedRun()
    {
        await using var app = await StartWithOrganisationAsync(new() { ["Sync:MinActiveEmployeesPercent"] = "50" });
        await app.RunFullSyncAsync();
        foreach (var id in new[] { "30001", "30002", "30003" })
        {
            app.Sandbox.SetEmployeeField(id, HiBobFields.Status, "Inactive");
        }

        var blocked = await app.RunFullSyncAsync();
        app.Sandbox.SetEmployeeField("30004", HiBobFields.Status, "Inactive");
        app.Sandbox.ResetRequestCounts();

        var approval = await ApproveAsync(app, blocked.Id, "ada");
        var rerun = await app.WaitForRunAsync(approval.RunId!.Value);

        Assert.Equal(SyncRunStatus.Blocked, rerun.Status);
        Assert.Equal(
            "Blocked: this run would mark inactive 4 of 10 hibob_user entities (40%, threshold 20%). HiBob or Port changed "
                + "since the blocked run was approved: 1 change added, 0 no longer needed; the approval or preview does "
                + "not carry over to the new plan.",
            rerun.Message);
        Assert.Equal(0, PortWrites(app));
    }

    [Fact]
    public async Task ProtectedAccounts_AndPortAdmins_AreNeverChanged_AndAreListedAsSkipped()
    {
        await using var app = await StartWithOrganisationAsync(new()
        {
            ["Sync:ProtectedAccounts:0"] = "P2@example.com",
            ["Sync:ProtectedAccounts:1"] = "ceo@example.com",
        });
        app.Sandbox.PutPortEntity("_user", new JsonObject
        {
            ["identifier"] = "p1@example.com",
            ["title"] = "Admin",
            ["properties"] = new JsonObject { ["status"] = "Active", ["port_role"] = "Admin", ["port_type"] = "Standard" },
            ["relations"] = new JsonObject(),
        });
        var ceo = app.Sandbox.AddEmployee("30200", "ceo@example.com");

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Null(app.Sandbox.RelationOf("p1@example.com"));
        Assert.Null(app.Sandbox.RelationOf("p2@example.com"));
        Assert.Null(app.Sandbox.GetPortEntity("_user", "ceo@example.com"));
        Assert.Equal("30003", app.Sandbox.RelationOf("p3@example.com"));
        var skipped = (await app.ItemsAsync(run.Id)).Where(i => i.Action == SyncItemAction.Skip).ToList();
        Assert.Contains(skipped, i => i.Subject == "30001" && i.Message == "Protected: the Port user p1@example.com is a "
            + "Port admin, so the sync does not change it (linking it to employee 30001 was dropped).");
        Assert.Contains(skipped, i => i.Subject == "30002" && i.Message!.StartsWith(
            "Protected: the Port user p2@example.com is on the protected list (Sync:ProtectedAccounts)", StringComparison.Ordinal));
        Assert.Contains(skipped, i => i.Subject == ceo && i.Message!.EndsWith(
            "(creating it for employee 30200 was dropped).", StringComparison.Ordinal));

        // What the dashboard shows afterwards agrees: the three read Protected, with the reason, and nothing is pending.
        var snapshot = app.Services.GetRequiredService<PeopleSnapshotStore>().Current!;
        Assert.Equal(
            [("30001", LinkStatus.Protected), ("30002", LinkStatus.Protected), ("30200", LinkStatus.Protected)],
            snapshot.People.Where(p => p.Employee?.Id is "30001" or "30002" or "30200")
                .Select(p => (p.Employee!.Id, p.Status)).OrderBy(p => p.Id, StringComparer.Ordinal));
        Assert.StartsWith(
            "Protected: the Port user p1@example.com is a Port admin",
            snapshot.People.Single(p => p.Employee?.Id == "30001").Reason,
            StringComparison.Ordinal);
        Assert.Empty(snapshot.Plan.UserLinkWrites);
    }

    [Fact]
    public async Task Preview_ListsWhatApplyThenDoes_AndStartingThemIsAudited()
    {
        await using var app = await StartWithOrganisationAsync();
        app.Sandbox.ResetRequestCounts();

        var preview = await app.RunFullSyncAsync(dryRun: true);
        var writesAfterPreview = PortWrites(app);
        var applied = await ApplyPreviewAsync(app, preview.Id);

        Assert.Equal(0, writesAfterPreview);
        Assert.Equal(
            "Dry run: 20 changes planned (10 entities to create, 0 to update, 0 to mark inactive, 10 links, 0 relinks, "
                + "0 Port users to create), nothing written.",
            preview.Message);
        Assert.StartsWith("Applied the plan shown in the preview. 10 created,", applied.Message, StringComparison.Ordinal);
        var planned = (await app.ItemsAsync(preview.Id)).Where(i => i.Outcome == SyncItemOutcome.Planned)
            .Select(i => (i.Action, i.Subject, i.Message)).Order().ToList();
        var done = (await app.ItemsAsync(applied.Id)).Where(i => i.Outcome == SyncItemOutcome.Applied)
            .Select(i => (i.Action, i.Subject, i.Message)).Order().ToList();
        Assert.Equal(20, planned.Count);
        Assert.Equal(planned, done);
        var started = await AuditAsync(app, AuditAction.SyncStarted);
        Assert.Equal(["ada", "test"], started.Select(e => e.Actor));
        Assert.Equal($"Dry run queued (from the dashboard).", started[1].Detail);
        Assert.Equal(applied.Id.ToString(), started[0].Subject);
    }

    [Fact]
    public async Task Apply_RePlansAndSaysWhatChanged_WhenHiBobChangedSinceThePreview()
    {
        await using var app = await StartWithOrganisationAsync();
        var preview = await app.RunFullSyncAsync(dryRun: true);
        var joiner = app.Sandbox.AddEmployee("30300", "joiner@example.com");
        app.Sandbox.RemoveEmployee("30010");

        var applied = await ApplyPreviewAsync(app, preview.Id);

        Assert.Equal(SyncRunStatus.Succeeded, applied.Status);
        Assert.StartsWith(
            "HiBob or Port changed since the preview: 2 changes added, 2 no longer needed; applied the new plan. ",
            applied.Message,
            StringComparison.Ordinal);
        Assert.Equal(joiner, app.Sandbox.RelationOf("joiner@example.com"));
        Assert.Null(app.Sandbox.GetPortEntity("hibob_user", "30010"));
    }
}
