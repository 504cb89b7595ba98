using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Storage;

/// <summary>Creates the database at start and closes runs that a stopped process left open.</summary>
public sealed partial class StorageInitializer(
    IDbContextFactory<HiBobAdminDbContext> contexts,
    TimeProvider time,
    ILogger<StorageInitializer> logger)
{
    public async Task InitialiseAsync(bool closeOrphanedRuns, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // TODO: switch to EF Core migrations once the schema grows (issue 4); EnsureCreated cannot evolve a schema.
        await db.Database.EnsureCreatedAsync(cancellationToken);

        if (!closeOrphanedRuns)
        {
            return;
        }

        // A run still Queued or Running at start belonged to a process that stopped mid-run: its job is gone
        // with Hangfire's in-memory storage, so it can never finish.
        var now = time.GetUtcNow();
        var orphaned = await db.Runs
            .Where(r => r.Status == SyncRunStatus.Queued || r.Status == SyncRunStatus.Running)
            .ToListAsync(cancellationToken);
        foreach (var run in orphaned)
        {
            run.Status = SyncRunStatus.Interrupted;
            run.FinishedAt = now;
            run.Message = "The app stopped before this run finished; the next run picks up where it left off.";
        }

        if (orphaned.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
            LogInterrupted(orphaned.Count);
        }
    }

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Marked {Count} unfinished runs as interrupted")]
    private partial void LogInterrupted(int count);
}
