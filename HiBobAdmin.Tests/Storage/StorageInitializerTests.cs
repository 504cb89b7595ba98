using HiBobAdmin.Audit;
using HiBobAdmin.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Storage;

public sealed class StorageInitializerTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hibobadmin-init-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task A_new_database_gets_every_migration()
    {
        await InitialiseAsync();

        await using var db = Context();
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task A_database_from_before_migrations_keeps_its_runs_and_gains_the_new_tables()
    {
        // The schema that EnsureCreated made before migrations existed: the runs tables, no history table.
        await using (var connection = new SqliteConnection($"Data Source={_path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = LegacySchema;
            await command.ExecuteNonQueryAsync();
        }

        await InitialiseAsync();

        await using var db = Context();
        var run = Assert.Single(await db.Runs.ToListAsync());
        Assert.Equal("admin@example.com", run.StartedBy);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        db.AuditEntries.Add(new AuditEntry { Actor = "a", Detail = "d", At = _time.GetUtcNow() });
        Assert.Equal(1, await db.SaveChangesAsync());
    }

    [Fact]
    public async Task Starting_twice_on_one_database_keeps_history()
    {
        await InitialiseAsync();
        await using (var db = Context())
        {
            db.Runs.Add(new SyncRun { Id = Guid.NewGuid(), StartedBy = "schedule", Status = SyncRunStatus.Succeeded, QueuedAt = _time.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        await InitialiseAsync();

        await using var again = Context();
        Assert.Equal("schedule", Assert.Single(await again.Runs.ToListAsync()).StartedBy);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private HiBobAdminDbContext Context() =>
        new(new DbContextOptionsBuilder<HiBobAdminDbContext>().UseSqlite($"Data Source={_path}").Options);

    private Task InitialiseAsync() =>
        new StorageInitializer(
            new Factory(_path),
            new OrphanedRuns(new Factory(_path), new RunOwner(Options.Create(new StorageOptions())), _time, NullLogger<OrphanedRuns>.Instance),
            NullLogger<StorageInitializer>.Instance)
            .InitialiseAsync(CancellationToken.None);

    private sealed class Factory(string path) : IDbContextFactory<HiBobAdminDbContext>
    {
        public HiBobAdminDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<HiBobAdminDbContext>().UseSqlite($"Data Source={path}").Options);
    }

    private const string LegacySchema = """
        CREATE TABLE "Runs" (
            "Id" TEXT NOT NULL CONSTRAINT "PK_Runs" PRIMARY KEY, "Kind" TEXT NOT NULL, "Trigger" TEXT NOT NULL,
            "StartedBy" TEXT NOT NULL, "Subject" TEXT NULL, "SubjectKey" TEXT NULL, "DryRun" INTEGER NOT NULL,
            "Status" TEXT NOT NULL, "QueuedAt" INTEGER NOT NULL, "StartedAt" INTEGER NULL, "FinishedAt" INTEGER NULL,
            "EmployeesRead" INTEGER NOT NULL, "PortUsersRead" INTEGER NOT NULL, "Created" INTEGER NOT NULL,
            "Updated" INTEGER NOT NULL, "Linked" INTEGER NOT NULL, "Unchanged" INTEGER NOT NULL, "Skipped" INTEGER NOT NULL,
            "Failed" INTEGER NOT NULL, "Planned" INTEGER NOT NULL, "Done" INTEGER NOT NULL, "ActiveEmployees" INTEGER NOT NULL,
            "MatchedEmployees" INTEGER NOT NULL, "Message" TEXT NULL);
        CREATE TABLE "RunItems" (
            "Id" INTEGER NOT NULL CONSTRAINT "PK_RunItems" PRIMARY KEY AUTOINCREMENT, "RunId" TEXT NOT NULL,
            "Action" TEXT NOT NULL, "Outcome" TEXT NOT NULL, "Subject" TEXT NOT NULL, "Name" TEXT NULL, "Message" TEXT NULL,
            CONSTRAINT "FK_RunItems_Runs_RunId" FOREIGN KEY ("RunId") REFERENCES "Runs" ("Id") ON DELETE CASCADE);
        INSERT INTO "Runs" VALUES ('6f1d2a3b-0000-4000-8000-000000000001', 'Full', 'Dashboard', 'admin@example.com', NULL,
            NULL, 0, 'Succeeded', 0, NULL, NULL, 10, 10, 0, 0, 0, 10, 0, 0, 0, 0, 10, 10, 'Done');
        """;
}
