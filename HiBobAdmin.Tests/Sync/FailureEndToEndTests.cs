using HiBobAdmin.HiBob;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

[Collection(WholeApp.Name)]
public sealed class FailureEndToEndTests
{
    [Fact]
    public async Task RejectedHiBobCredentials_AreNeverRetried_AndPauseTheSchedule_AfterThreeFailures() // B05 (b)
    {
        await using var app = await SandboxApp.StartAsync(
            overrideServices: services => services.PostConfigure<HiBobOptions>(o => o.ServiceUserToken = "revoked-token"));
        app.Sandbox.ResetRequestCounts();

        for (var fired = 0; fired < 4; fired++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<SyncJobs>().RunScheduledAsync(CancellationToken.None);
        }

        var userSyncs = new[]
        {
            await app.RunSingleUserSyncAsync("someone@example.com"),
            await app.RunSingleUserSyncAsync("someone.else@example.com"),
        };

        var hibobCalls = app.Sandbox.CountRequests(routeContains: "/sandbox/hibob");
        Assert.Equal(5, hibobCalls);
        Assert.Equal(5, app.Sandbox.CountRequests(routeContains: "/sandbox/hibob", statusCode: 401));
        Assert.All(userSyncs, r => Assert.Equal("HiBob rejected the service-user credentials (401)", r.Message));
        await using var check = app.Services.CreateAsyncScope();
        var runs = await check.ServiceProvider.GetRequiredService<RunStore>().RecentAsync(10, CancellationToken.None);
        Assert.Equal(5, runs.Count);
        Assert.All(runs, r => Assert.Equal(SyncRunStatus.Failed, r.Status));
        Assert.Equal(3, runs.Count(r => r.Trigger == SyncTrigger.Schedule));
        Assert.True(app.Services.GetRequiredService<CredentialHealth>().IsPaused(3));

        using var http = await app.SignInAsync();
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));
        Assert.Contains("The scheduled sync is paused: HiBob rejected the service-user credentials (401)", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RejectedBatch_IsRecordedWithPortsMessage_AndTheNextRunCompletesTheRest() // B19 (a)
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sync:MaxConcurrentRequests"] = "1" });
        await app.Services.GetRequiredService<DataModelGate>().EnsureReadyAsync(CancellationToken.None);
        app.Sandbox.EnqueueFault(422, "hibob_user/entities/bulk");

        var first = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.CompletedWithFailures, first.Status);
        var items = await app.ItemsAsync(first.Id);
        var failedEntities = items.Where(i => i.Outcome == SyncItemOutcome.Failed && i.Action == SyncItemAction.CreateEntity).ToList();
        Assert.Equal(20, failedEntities.Count);
        Assert.All(failedEntities, i => Assert.Equal("Port 422: Failure injected by the sandbox.", i.Message));
        Assert.All(
            items.Where(i => i.Outcome == SyncItemOutcome.Failed && i.Action != SyncItemAction.CreateEntity),
            i => Assert.StartsWith("Not linked: the hibob_user entity ", i.Message, StringComparison.Ordinal));
        Assert.Equal(first.Failed, items.Count(i => i.Outcome == SyncItemOutcome.Failed));

        var second = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Succeeded, second.Status);
        Assert.Equal(first.Failed, second.Planned);
        Assert.Equal(0, (await app.RunFullSyncAsync()).Planned);
    }
}
