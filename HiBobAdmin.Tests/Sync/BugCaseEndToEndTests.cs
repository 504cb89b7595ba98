using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

/// <summary>
/// The public bug cases (../shared/cases/public-bug-cases.md) run through the whole engine against the sandbox,
/// starting from an empty organisation so each case's small input is all there is.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class BugCaseEndToEndTests
{
    private static Task<SandboxApp> StartEmptyAsync(bool createMissingPortUsers = true) =>
        SandboxApp.StartAsync(new Dictionary<string, string?>
        {
            ["Sandbox:EmployeeCount"] = "0",
            ["Sync:CreateMissingPortUsers"] = createMissingPortUsers ? "true" : "false",
        });

    private static PersonRow RowOf(SandboxApp app, string employeeId) =>
        app.Snapshots.Current!.People.Single(p => p.Employee?.Id == employeeId);

    [Fact]
    public async Task B02_Leaver_IsMarkedInactive_AndListedWithAccess()
    {
        await using var app = await StartEmptyAsync();
        await app.Services.GetRequiredService<DataModelGate>().EnsureReadyAsync(CancellationToken.None);
        var cy = app.Sandbox.AddEmployee("2001", "cy.current@example.com");
        var di = app.Sandbox.AddEmployee("2002", "di.former@example.com", status: "Inactive");
        app.Sandbox.AddPortUser("di.former@example.com", status: "Active");
        app.Sandbox.PutPortEntity("hibob_user", new()
        {
            ["identifier"] = di,
            ["title"] = "Di Former",
            ["properties"] = new System.Text.Json.Nodes.JsonObject { ["state"] = "Active", ["email"] = "di.former@example.com" },
            ["relations"] = new System.Text.Json.Nodes.JsonObject(),
        });

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal("Inactive", app.Sandbox.PropertyOf("hibob_user", di, "state"));
        Assert.Equal("Di Former", app.Sandbox.GetPortEntity("hibob_user", di)!["title"]!.GetValue<string>());
        Assert.Null(app.Sandbox.RelationOf("di.former@example.com"));
        var items = await app.ItemsAsync(run.Id);
        Assert.Equal(SyncItemAction.MarkInactive, items.Single(i => i.Subject == di && i.Outcome == SyncItemOutcome.Applied).Action);
        var row = RowOf(app, di);
        Assert.Equal(LinkStatus.Leaver, row.Status);
        Assert.Equal("Active", row.PortUser?.Status);
        Assert.Equal(LinkStatus.Matched, RowOf(app, cy).Status);
    }

    [Fact]
    public async Task B04_NullBlankAndHostileEmails_GetEntities_ButOnlyValidOnesBecomeUsers()
    {
        await using var app = await StartEmptyAsync();
        app.Sandbox.AddEmployee("1005", null);
        app.Sandbox.AddEmployee("1006", "   ");
        app.Sandbox.AddEmployee("1007", "o'neil@example.com");
        app.Sandbox.AddEmployee("1008", "zoë@example.com");
        app.Sandbox.AddEmployee("1009", "eli.ok@example.com");

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        foreach (var id in new[] { "1005", "1006", "1007", "1008", "1009" })
        {
            Assert.NotNull(app.Sandbox.GetPortEntity("hibob_user", id));
        }

        Assert.Null(app.Sandbox.PropertyOf("hibob_user", "1005", "email"));
        Assert.Null(app.Sandbox.PropertyOf("hibob_user", "1006", "email"));
        var users = app.Sandbox.GetPortEntities("_user").Select(u => u["identifier"]!.GetValue<string>()).ToList();
        Assert.Contains("eli.ok@example.com", users);
        Assert.Contains("zoë@example.com", users);
        Assert.DoesNotContain(users, u => u is "None" or "null" or "" || u.Contains("neil", StringComparison.Ordinal));
        Assert.Equal(LinkStatus.NoEmail, RowOf(app, "1005").Status);
        Assert.Equal(LinkStatus.NoEmail, RowOf(app, "1006").Status);
        Assert.Equal(LinkStatus.UnmappableEmail, RowOf(app, "1007").Status);
        Assert.Equal(3, run.Skipped);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task B07_UserWrites_LinkAndCreateOnlyWhenAllowed_AndNeverDelete(bool createMissing)
    {
        await using var app = await StartEmptyAsync(createMissing);
        var dan = app.Sandbox.AddEmployee("3001", "dan.new@example.com");
        var eve = app.Sandbox.AddEmployee("3002", "eve.ok@example.com");
        app.Sandbox.AddPortUser("eve.ok@example.com");
        app.Sandbox.AddPortUser("fin.only@example.com");

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(0, app.Sandbox.CountRequests(method: "DELETE"));
        Assert.Equal(eve, app.Sandbox.RelationOf("eve.ok@example.com"));
        Assert.Equal(LinkStatus.Matched, RowOf(app, eve).Status);
        Assert.Null(app.Sandbox.RelationOf("fin.only@example.com"));
        Assert.Equal(
            LinkStatus.PortOnly,
            app.Snapshots.Current!.People.Single(p => p.PortUser?.Identifier == "fin.only@example.com").Status);
        if (createMissing)
        {
            Assert.Equal(dan, app.Sandbox.RelationOf("dan.new@example.com"));
            var row = RowOf(app, dan);
            Assert.Equal(LinkStatus.Matched, row.Status);
            Assert.Equal("Staged", row.PortUser?.Status);
        }
        else
        {
            Assert.Null(app.Sandbox.GetPortEntity("_user", "dan.new@example.com"));
            Assert.Equal(LinkStatus.HiBobOnly, RowOf(app, dan).Status);
        }
    }

    [Fact]
    public async Task B09_CaseAndWhitespaceVariants_AreOnePerson()
    {
        await using var app = await StartEmptyAsync();
        var ana = app.Sandbox.AddEmployee("4001", "  Ana.Test@Example.COM ");
        app.Sandbox.AddPortUser("ana.test@example.com");

        await app.RunFullSyncAsync();
        app.Sandbox.ResetRequestCounts();
        var second = await app.RunFullSyncAsync();

        Assert.Equal("Ana.Test@Example.COM", app.Sandbox.PropertyOf("hibob_user", ana, "email"));
        Assert.Equal(ana, app.Sandbox.RelationOf("ana.test@example.com"));
        Assert.Single(app.Sandbox.GetPortEntities("_user"));
        Assert.Equal(LinkStatus.Matched, RowOf(app, ana).Status);
        Assert.DoesNotContain(app.Snapshots.Current!.People, p => p.Status == LinkStatus.PortOnly);
        Assert.Equal(0, second.Planned);
        Assert.Equal(0, app.Sandbox.CountRequests(method: "POST", routeContains: "bulk"));
    }

    [Fact]
    public async Task B11_Rehire_TakesOverTheLink_AndTwinsWaitForReview()
    {
        await using var app = await StartEmptyAsync();
        await app.Services.GetRequiredService<DataModelGate>().EnsureReadyAsync(CancellationToken.None);
        app.Sandbox.AddEmployee("1010", "fay.back@example.com", status: "Inactive");
        app.Sandbox.AddEmployee("1011", "fay.back@example.com");
        app.Sandbox.AddEmployee("1012", "gus.twin@example.com");
        app.Sandbox.AddEmployee("1013", "GUS.twin@example.com ");
        app.Sandbox.AddEmployee("1014", "hal.solo@example.com");
        app.Sandbox.PutPortEntity("hibob_user", new()
        {
            ["identifier"] = "1010",
            ["title"] = "Person 1010",
            ["properties"] = new System.Text.Json.Nodes.JsonObject { ["state"] = "Inactive" },
            ["relations"] = new System.Text.Json.Nodes.JsonObject(),
        });
        app.Sandbox.AddPortUser("fay.back@example.com", linkedTo: "1010");

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal("Active", app.Sandbox.PropertyOf("hibob_user", "1011", "state"));
        Assert.Equal("Inactive", app.Sandbox.PropertyOf("hibob_user", "1010", "state"));
        Assert.Equal("1011", app.Sandbox.RelationOf("fay.back@example.com"));
        Assert.Single(app.Sandbox.GetPortEntities("_user"), u => u["identifier"]!.GetValue<string>().StartsWith("fay", StringComparison.Ordinal));
        Assert.NotNull(app.Sandbox.GetPortEntity("hibob_user", "1012"));
        Assert.NotNull(app.Sandbox.GetPortEntity("hibob_user", "1013"));
        Assert.Null(app.Sandbox.GetPortEntity("_user", "gus.twin@example.com"));
        Assert.Equal(LinkStatus.DuplicateEmail, RowOf(app, "1012").Status);
        Assert.Equal(LinkStatus.DuplicateEmail, RowOf(app, "1013").Status);
        Assert.Equal("1014", app.Sandbox.RelationOf("hal.solo@example.com"));

        app.Sandbox.SetEmployeeField("1013", "root.email", "gus.other@example.com");
        await app.RunFullSyncAsync();

        Assert.Equal("1012", app.Sandbox.RelationOf("gus.twin@example.com"));
        Assert.Equal("1013", app.Sandbox.RelationOf("gus.other@example.com"));
    }
}
