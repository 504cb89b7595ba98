using HiBobAdmin.Audit;
using HiBobAdmin.Decisions;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Decisions;

/// <summary>Disabling a leaver's Port account through the whole app against the sandbox's Port.</summary>
[Collection(WholeApp.Name)]
public sealed class DisableLeaverEndToEndTests
{
    private static readonly string[] WriteMethods = ["POST", "PUT", "PATCH", "DELETE"];

    private static async Task<SandboxApp> StartWithLeaverAsync(string? protectedAccount = null)
    {
        var settings = new Dictionary<string, string?> { ["Sandbox:EmployeeCount"] = "0" };
        if (protectedAccount is not null)
        {
            settings["Sync:ProtectedAccounts:0"] = protectedAccount;
        }

        var app = await SandboxApp.StartAsync(settings);
        await app.Services.GetRequiredService<DataModelGate>().EnsureReadyAsync(CancellationToken.None);
        app.Sandbox.AddEmployee("4001", "ann@example.com");
        app.Sandbox.AddEmployee("4002", "leo@example.com", status: "Inactive");
        app.Sandbox.AddPortUser("ann@example.com");
        app.Sandbox.AddPortUser("leo@example.com", linkedTo: "4002");
        await app.RunFullSyncAsync();
        return app;
    }

    [Fact]
    public async Task Disable_SendsOnlyTheStatusChange_AndAuditsIt()
    {
        await using var app = await StartWithLeaverAsync();
        var leo = app.Snapshots.Current!.People.Single(p => p.Employee?.Id == "4002");
        Assert.True(ReviewQueues.Contains(ReviewQueue.LeaversWithAccess, leo));
        app.Sandbox.ResetRequestCounts();

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LeaverDisabler>()
            .DisableAsync(["leo@example.com"], "admin@example.com", CancellationToken.None);

        Assert.Equal("1 disabled.", result.Message);
        var patch = Assert.Single(app.Sandbox.EntityPatches);
        Assert.Equal("/sandbox/port/v1/blueprints/_user/entities/leo@example.com", patch.Path);
        Assert.Equal("""{"properties":{"status":"Disabled"}}""", patch.Body);
        var writes = app.Sandbox.RequestCounts
            .Where(pair => WriteMethods.Contains(pair.Key.Method)
                && !pair.Key.Route.EndsWith("/entities/search", StringComparison.Ordinal)
                && !pair.Key.Route.EndsWith("/auth/access_token", StringComparison.Ordinal))
            .ToList();
        var write = Assert.Single(writes);
        Assert.Equal(("PATCH", "/sandbox/port/v1/blueprints/{blueprint}/entities/{identifier}", 200, 1),
            (write.Key.Method, write.Key.Route, write.Key.StatusCode, write.Value));
        Assert.Equal("Disabled", app.Sandbox.PropertyOf("_user", "leo@example.com", "status"));
        Assert.Equal("4002", app.Sandbox.RelationOf("leo@example.com"));
        Assert.Equal("leo@example.com", app.Sandbox.GetPortEntity("_user", "leo@example.com")!["title"]!.GetValue<string>());
        Assert.Equal("Active", app.Sandbox.PropertyOf("_user", "ann@example.com", "status"));

        var audit = await app.Services.GetRequiredService<AuditLog>()
            .PageAsync(new AuditCriteria(Action: AuditAction.AccountDisabled), 0, 10, CancellationToken.None);
        var entry = Assert.Single(audit.Items);
        Assert.Equal(("admin@example.com", "leo@example.com"), (entry.Actor, entry.Subject));
        Assert.Empty(ReviewQueues.Filter(app.Snapshots.Current!.People, ReviewQueue.LeaversWithAccess));
    }

    [Fact]
    public async Task Disable_OfAUserPortDoesNotHave_ShowsPortsMessage_AndAuditsNothing()
    {
        await using var app = await StartWithLeaverAsync();
        app.Sandbox.RemovePortEntity("_user", "leo@example.com");

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LeaverDisabler>()
            .DisableAsync(["leo@example.com"], "admin@example.com", CancellationToken.None);

        Assert.Equal(
            "0 disabled, 1 failed: leo@example.com (Port 404: Entity with identifier \"leo@example.com\" of blueprint "
            + "_user was not found.).",
            result.Message);
        Assert.Null(app.Sandbox.GetPortEntity("_user", "leo@example.com"));
        var audit = await app.Services.GetRequiredService<AuditLog>()
            .PageAsync(new AuditCriteria(Action: AuditAction.AccountDisabled), 0, 10, CancellationToken.None);
        Assert.Empty(audit.Items);
    }

    [Fact]
    public async Task Disable_RefusesSomeoneWhoIsNotALeaverWithAccess_WithoutCallingPort()
    {
        await using var app = await StartWithLeaverAsync();
        app.Sandbox.ResetRequestCounts();

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LeaverDisabler>()
            .DisableAsync(["ann@example.com"], "admin@example.com", CancellationToken.None);

        Assert.False(result.Succeeded);
        Assert.Empty(app.Sandbox.EntityPatches);
        Assert.Equal("Active", app.Sandbox.PropertyOf("_user", "ann@example.com", "status"));
    }

    [Fact]
    public async Task Disable_RefusesAProtectedAccount_WithoutCallingPort()
    {
        await using var app = await StartWithLeaverAsync(protectedAccount: "LEO@example.com");
        app.Sandbox.ResetRequestCounts();

        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<LeaverDisabler>()
            .DisableAsync(["leo@example.com"], "admin@example.com", CancellationToken.None);

        Assert.Equal(
            "0 disabled, 1 failed: leo@example.com (on the protected list (Sync:ProtectedAccounts); disable it in Port "
            + "itself).",
            result.Message);
        Assert.Empty(app.Sandbox.EntityPatches);
        Assert.Equal("Active", app.Sandbox.PropertyOf("_user", "leo@example.com", "status"));
    }
}
