using System.Globalization;
using Hangfire;
using Hangfire.Storage;
using HiBobAdmin.Audit;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

/// <summary>
/// The app started again on the same database file keeps its history and schedules one recurring job; two hosts at
/// once on one file admit one full sync between them (decision 0046).
/// </summary>
[Collection(WholeApp.Name)]
public sealed class SameDatabaseTests
{
    private static readonly Dictionary<string, string?> Hourly = new() { ["Sync:Schedule"] = "0 * * * *" };

    [Fact]
    public async Task SecondStart_KeepsRunsAndAuditLog_AndRegistersOneRecurringJob_ThatSkipsMissedRuns()
    {
        var data = Directory.CreateTempSubdirectory("hibobadmin-samedb-").FullName;
        Guid runId;
        await using (var first = await SandboxApp.StartAsync(Hourly, dataDirectory: data))
        {
            runId = (await first.RunFullSyncAsync()).Id;
            await first.Services.GetRequiredService<AuditLog>().RecordAsync(
                "admin@example.com", AuditAction.AccountDisabled, "leo@example.com", "Set to Disabled.", CancellationToken.None);
        }

        await using var second = await SandboxApp.StartAsync(Hourly, dataDirectory: data);

        var run = await second.FindRunAsync(runId);
        Assert.Equal((SyncRunStatus.Succeeded, SyncTrigger.Dashboard), (run.Status, run.Trigger));
        var audit = await second.Services.GetRequiredService<AuditLog>()
            .PageAsync(new AuditCriteria(), 0, 50, CancellationToken.None);
        var disabled = Assert.Single(audit.Items, e => e.Action == AuditAction.AccountDisabled);
        Assert.Equal(("admin@example.com", "leo@example.com"), (disabled.Actor, disabled.Subject));
        Assert.Contains(audit.Items, e => e.Action == AuditAction.SyncStarted);

        using var connection = JobStorage.Current.GetConnection();
        var job = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal((SyncJobs.RecurringJobId, "0 * * * *"), (job.Id, job.Cron));
        var hash = connection.GetAllEntriesFromHash("recurring-job:" + SyncJobs.RecurringJobId);
        Assert.Equal(
            ((int)MisfireHandlingMode.Ignorable).ToString(CultureInfo.InvariantCulture),
            hash["Misfire"]);
    }

    [Fact]
    public async Task TwoHostsAtOnce_AdmitOneFullSyncBetweenThem()
    {
        var data = Directory.CreateTempSubdirectory("hibobadmin-samedb-").FullName;
        await using var first = await SandboxApp.StartAsync(dataDirectory: data);
        await using var second = await SandboxApp.StartAsync(dataDirectory: data);

        // The first host's full sync is admitted but not yet picked up by its job server.
        var active = new SyncRun
        {
            Id = Guid.NewGuid(),
            Kind = SyncKind.Full,
            Trigger = SyncTrigger.Schedule,
            StartedBy = "schedule",
            Status = SyncRunStatus.Queued,
            QueuedAt = DateTimeOffset.UtcNow,
        };
        await using (var scope = first.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<RunStore>().AddAsync(active, CancellationToken.None);
        }

        await using var secondScope = second.Services.CreateAsyncScope();
        var launch = await secondScope.ServiceProvider.GetRequiredService<SyncLauncher>()
            .StartFullSyncAsync(SyncTrigger.Dashboard, "admin@example.com", dryRun: false, CancellationToken.None);

        Assert.False(launch.Accepted);
        Assert.Equal(active.Id, launch.RunId);
        Assert.StartsWith("A full sync is already running", launch.Message, StringComparison.Ordinal);
        Assert.Equal(SyncRunStatus.Queued, (await second.FindRunAsync(active.Id)).Status);
    }
}
