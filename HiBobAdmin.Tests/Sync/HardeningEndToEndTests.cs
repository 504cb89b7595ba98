using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

/// <summary>Failures found by attacking the engine end to end; each must leave a recorded, finished run.</summary>
[Collection(WholeApp.Name)]
public sealed class HardeningEndToEndTests
{
    private static Task<SandboxApp> StartEmptyAsync() =>
        SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sandbox:EmployeeCount"] = "0" });

    [Fact]
    public async Task RepeatedHiBobId_IsSkippedWithAReason_AndTheNextSyncIsAdmitted()
    {
        await using var app = await StartEmptyAsync();
        app.Sandbox.AddEmployee("1010", "a@example.com");
        app.Sandbox.AddEmployee("1010 ", "b@example.com");

        var first = await app.RunFullSyncAsync();
        var second = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, first.Status);
        Assert.Contains(await app.ItemsAsync(first.Id), i => i.Subject == "1010" && i.Outcome == SyncItemOutcome.Skipped);
        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
    }

    [Theory]
    [InlineData("1012")]
    [InlineData("gus.twin@example.com")]
    public async Task SingleUserSync_OfOneOfTwoEmployeesSharingAnEmail_LinksNobody(string subject) // B11
    {
        await using var app = await StartEmptyAsync();
        app.Sandbox.AddEmployee("1012", "gus.twin@example.com");
        app.Sandbox.AddEmployee("1013", "GUS.twin@example.com ");
        app.Sandbox.AddPortUser("gus.twin@example.com");

        var run = await app.RunSingleUserSyncAsync(subject);

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Null(app.Sandbox.RelationOf("gus.twin@example.com"));
        Assert.Contains(await app.ItemsAsync(run.Id), i => i.Subject == "1012" && i.Message!.Contains("1013", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AuthFailureInTheLinkPhase_StillRecordsTheEntitiesAlreadyWritten()
    {
        await using var app = await StartEmptyAsync();
        await app.Services.GetRequiredService<DataModelGate>().EnsureReadyAsync(CancellationToken.None);
        app.Sandbox.AddEmployee("6001", "one@example.com");
        app.Sandbox.AddEmployee("6002", "two@example.com");
        app.Sandbox.EnqueueFault(401, "blueprints/_user/entities/bulk");
        app.Sandbox.EnqueueFault(401, "blueprints/_user/entities/bulk");

        var run = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal("Port authentication failed", run.Message);
        var items = await app.ItemsAsync(run.Id);
        Assert.Equal(2, items.Count(i => i.Action == SyncItemAction.CreateEntity && i.Outcome == SyncItemOutcome.Applied));
    }
}
