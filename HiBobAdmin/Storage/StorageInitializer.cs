using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace HiBobAdmin.Storage;

/// <summary>Brings the database to the current schema at start and closes runs that a stopped process left open.</summary>
public sealed partial class StorageInitializer(
    IDbContextFactory<HiBobAdminDbContext> contexts,
    OrphanedRuns orphans,
    ILogger<StorageInitializer> logger)
{
    public async Task InitialiseAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // The write-ahead log is a property of the file: once set it holds for every later connection and process.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        await AdoptUnversionedDatabaseAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);

        // A run left Queued or Running by a process that is gone (killed, crashed) can never finish. Both the
        // dashboard and the CLI close such runs; a run of a process that is still alive is left alone.
        await orphans.InterruptAsync(cancellationToken);
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
}
