using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Storage;

/// <summary>
/// Keeps the run history honest across processes: records that this process still works on its active runs, and
/// marks Interrupted the active runs whose process is gone (killed, crashed, restarted), which would otherwise show
/// as running for ever and refuse every later full sync as "already running".
/// </summary>
public sealed partial class OrphanedRuns(
    IDbContextFactory<HiBobAdminDbContext> contexts,
    RunOwner owner,
    TimeProvider time,
    ILogger<OrphanedRuns> logger)
{
    public const string InterruptedMessage =
        "The app stopped before this run finished; the next run picks up where it left off.";

    /// <summary>Marks Interrupted every Queued or Running run whose process can no longer finish it.</summary>
    public async Task<int> InterruptAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        var active = await db.Runs
            .Where(r => r.Status == SyncRunStatus.Queued || r.Status == SyncRunStatus.Running)
            .ToListAsync(cancellationToken);
        var orphaned = active.Where(run => !owner.MayStillFinish(run, now)).ToList();
        foreach (var run in orphaned)
        {
            // The job is gone with its process (Hangfire's storage is in memory), so the run can never finish.
            run.Status = SyncRunStatus.Interrupted;
            run.FinishedAt = now;
            run.Message = InterruptedMessage;
        }

        if (orphaned.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogInterrupted(orphaned.Count);
        }

        return orphaned.Count;
    }

    /// <summary>Records that this process is still alive for each of its active runs.</summary>
    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow();
        await db.Runs
            .Where(r => r.Owner == owner.Id)
            .Where(r => r.Status == SyncRunStatus.Queued || r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.HeartbeatAt, now), cancellationToken);
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Marked {Count} unfinished runs as interrupted")]
    private partial void LogInterrupted(int count);
}
