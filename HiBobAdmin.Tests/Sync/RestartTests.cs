using Hangfire;
using Hangfire.Storage;
using HiBobAdmin.Hosting;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

[Collection(WholeApp.Name)]
public sealed class RestartTests
{
    [Fact]
    public async Task Restart_KeepsRunHistory_AndRegistersOneRecurringJob() // B14
    {
        var data = Directory.CreateTempSubdirectory("hibobadmin-restart-").FullName;
        var hourly = new Dictionary<string, string?> { ["Sync:Schedule"] = "0 * * * *" };
        Guid runId;
        await using (var before = await SandboxApp.StartAsync(hourly, dataDirectory: data))
        {
            runId = (await before.RunFullSyncAsync()).Id;
        }

        await using var after = await SandboxApp.StartAsync(hourly, dataDirectory: data);
        await AppHostInitialiseAgain(after);

        var run = await after.FindRunAsync(runId);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        using var connection = after.Services.GetRequiredService<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs();
        var job = Assert.Single(recurring);
        Assert.Equal(SyncJobs.RecurringJobId, job.Id);
        Assert.Equal("0 * * * *", job.Cron);
    }

    [Fact]
    public async Task Restart_ShowsTheLastSnapshot_WithoutReadingEitherSide()
    {
        var data = Directory.CreateTempSubdirectory("hibobadmin-restart-").FullName;
        PeopleSnapshot saved;
        await using (var before = await SandboxApp.StartAsync(dataDirectory: data))
        {
            await before.RunFullSyncAsync();
            saved = before.Snapshots.Current!;
        }

        await using var after = await SandboxApp.StartAsync(dataDirectory: data);
        after.Sandbox.ResetRequestCounts();

        var shown = await after.Snapshots.GetOrLoadAsync(CancellationToken.None);

        Assert.Equal(saved.ReadAt, shown.ReadAt);
        Assert.Equal(saved.People.Count, shown.People.Count);
        Assert.Equal(saved.Count(LinkStatus.Matched), shown.Count(LinkStatus.Matched));
        Assert.Equal(saved.People.Select(p => p.Reason), shown.People.Select(p => p.Reason));
        Assert.Equal(saved.Plan.WriteCount, shown.Plan.WriteCount);
        Assert.Equal(0, after.Sandbox.CountRequests());
    }

    [Fact]
    public async Task Restart_MarksARunLeftRunning_AsInterrupted()
    {
        var data = Directory.CreateTempSubdirectory("hibobadmin-restart-").FullName;
        var orphan = new SyncRun
        {
            Id = Guid.NewGuid(),
            Kind = SyncKind.Full,
            Trigger = SyncTrigger.Schedule,
            StartedBy = "schedule",
            Status = SyncRunStatus.Running,
            QueuedAt = DateTimeOffset.UnixEpoch,
            StartedAt = DateTimeOffset.UnixEpoch,
        };
        await using (var before = await SandboxApp.StartAsync(dataDirectory: data))
        {
            await using var scope = before.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RunStore>().AddAsync(orphan, CancellationToken.None);
        }

        await using var after = await SandboxApp.StartAsync(dataDirectory: data);

        var run = await after.FindRunAsync(orphan.Id);
        Assert.Equal(SyncRunStatus.Interrupted, run.Status);
        Assert.StartsWith("The app stopped before this run finished", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Database_RefusesASecondActiveFullSync_EvenWhenTheProcessCheckIsBypassed()
    {
        await using var app = await SandboxApp.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<RunStore>();
        SyncRun Active() => new()
        {
            Id = Guid.NewGuid(),
            Kind = SyncKind.Full,
            Trigger = SyncTrigger.Cli,
            StartedBy = "cli",
            Status = SyncRunStatus.Queued,
            QueuedAt = DateTimeOffset.UnixEpoch,
        };

        await store.AddAsync(Active(), CancellationToken.None);

        await Assert.ThrowsAsync<Microsoft.EntityFrameworkCore.DbUpdateException>(
            () => store.AddAsync(Active(), CancellationToken.None));
    }

    [Fact]
    public async Task EmptySchedule_RegistersNoRecurringJob()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sync:Schedule"] = "" });

        using var connection = app.Services.GetRequiredService<JobStorage>().GetConnection();

        Assert.Empty(connection.GetRecurringJobs());
    }

    [Fact]
    public async Task NextOccurrences_FollowTheCron()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sync:Schedule"] = "30 2 * * *" });
        await using var scope = app.Services.CreateAsyncScope();

        var next = scope.ServiceProvider.GetRequiredService<SyncSchedule>().NextOccurrences(5);

        Assert.Equal(5, next.Count);
        Assert.All(next, t => Assert.Equal((2, 30), (t.Hour, t.Minute)));
        Assert.All(next.Zip(next.Skip(1)), pair => Assert.Equal(TimeSpan.FromDays(1), pair.Second - pair.First));
    }

    private static async Task AppHostInitialiseAgain(SandboxApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<SyncSchedule>().Register();
    }
}
