using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HiBobAdmin.Storage;

/// <summary>Brings the database to the current schema at start and closes runs that a stopped process left open.</summary>
public sealed partial class StorageInitializer(
    IDbContextFactory<HiBobAdminDbContext> contexts,
    TimeProvider time,
    ILogger<StorageInitializer> logger)
{
    public async Task InitialiseAsync(bool closeOrphanedRuns, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The write-ahead log is a property of the file: once set it holds for every later connection and process.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await AdoptUnversionedDatabaseAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

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

    /// <summary>
    /// Versions before migrations created the schema of the first migration directly, without a history table;
    /// such a database is recorded as being at that migration so its history is kept and the rest applies on top.
    /// </summary>
    private async Task AdoptUnversionedDatabaseAsync(HiBobAdminDbContext db, CancellationToken cancellationToken)
    {
        var history = db.GetService<IHistoryRepository>();
        if (await history.ExistsAsync(cancellationToken) || !await TableExistsAsync(db, "Runs", cancellationToken))
        {
            return;
        }

        var first = db.Database.GetMigrations().First();
        await db.Database.ExecuteSqlRawAsync(history.GetCreateIfNotExistsScript(), cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            history.GetInsertScript(new HistoryRow(first, ProductInfo.GetVersion())),
            cancellationToken);
        LogAdopted(first);
    }

    private static async Task<bool> TableExistsAsync(HiBobAdminDbContext db, string table, CancellationToken cancellationToken)
    {
        var count = await db.Database
            .SqlQuery<int>($"SELECT COUNT(*) AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}")
            .SingleAsync(cancellationToken);
        return count > 0;
    }

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Recorded the existing database as migration {Migration}")]
    private partial void LogAdopted(string migration);

    [LoggerMessage(EventId = 100, Level = LogLevel.Warning, Message = "Marked {Count} unfinished runs as interrupted")]
    private partial void LogInterrupted(int count);
}
