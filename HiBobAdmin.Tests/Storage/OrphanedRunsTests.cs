using System.Diagnostics;
using HiBobAdmin.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Storage;

public sealed class OrphanedRunsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hibobadmin-orphans-{Guid.NewGuid():N}.db");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero));
    private readonly RunOwner _owner = new(Options.Create(new StorageOptions { RunHeartbeatSeconds = 15 }));
    private readonly OrphanedRuns _orphans;

    public OrphanedRunsTests()
    {
        using var db = Context();
        db.Database.Migrate();
        _orphans = new OrphanedRuns(new Factory(_path), _owner, _time, NullLogger<OrphanedRuns>.Instance);
    }

    [Fact]
    public async Task InterruptAsync_MarksTheRunInterrupted_WhenItsProcessIdNowBelongsToAnotherProcess()
    {
        // This process's id with a start time it never had: the holder ended and the id was handed on.
        var id = await AddRunAsync(RunOwner.Format(Environment.MachineName, Environment.ProcessId, 1), _time.GetUtcNow());

        var interrupted = await _orphans.InterruptAsync(CancellationToken.None);

        var run = await FindAsync(id);
        Assert.Equal(1, interrupted);
        Assert.Equal(SyncRunStatus.Interrupted, run.Status);
        Assert.Equal("The app stopped before this run finished; the next run picks up where it left off.", run.Message);
        Assert.Equal(_time.GetUtcNow(), run.FinishedAt);
    }

    [Fact]
    public async Task InterruptAsync_MarksTheRunInterrupted_WhenItsProcessHasExited()
    {
        // Named while alive (a process that exits at once may be gone before its start time is read), then ended.
        using var ended = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var owner = RunOwner.Of(ended);
        ended.Kill();
        await ended.WaitForExitAsync();
        var id = await AddRunAsync(owner, _time.GetUtcNow());

        await _orphans.InterruptAsync(CancellationToken.None);

        Assert.Equal(SyncRunStatus.Interrupted, (await FindAsync(id)).Status);
    }

    [Fact]
    public async Task InterruptAsync_KeepsTheRun_WhenAnotherProcessOnThisMachineStillHoldsIt()
    {
        using var alive = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        try
        {
            var id = await AddRunAsync(RunOwner.Of(alive), heartbeatAt: null);
            _time.Advance(TimeSpan.FromHours(1));

            var interrupted = await _orphans.InterruptAsync(CancellationToken.None);

            Assert.Equal(0, interrupted);
            Assert.Equal(SyncRunStatus.Running, (await FindAsync(id)).Status);
        }
        finally
        {
            alive.Kill();
        }
    }

    [Fact]
    public async Task InterruptAsync_KeepsAnotherMachinesRun_UntilFourHeartbeatsAreMissed()
    {
        var id = await AddRunAsync("other-host/4242/1764835200", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromSeconds(59));
        await _orphans.InterruptAsync(CancellationToken.None);
        var kept = await FindAsync(id);
        _time.Advance(TimeSpan.FromSeconds(1));

        await _orphans.InterruptAsync(CancellationToken.None);

        Assert.Equal(SyncRunStatus.Running, kept.Status);
        Assert.Equal(SyncRunStatus.Interrupted, (await FindAsync(id)).Status);
    }

    [Fact]
    public async Task InterruptAsync_KeepsThisProcesssOwnRun_HoweverOldItsHeartbeat()
    {
        var id = await AddRunAsync(_owner.Id, heartbeatAt: null);
        _time.Advance(TimeSpan.FromDays(1));

        await _orphans.InterruptAsync(CancellationToken.None);

        Assert.Equal(SyncRunStatus.Running, (await FindAsync(id)).Status);
    }

    [Fact]
    public async Task InterruptAsync_MarksARunWithoutOwnerInterrupted_WhenItWasQueuedLongerThanFourHeartbeatsAgo()
    {
        var recent = await AddRunAsync(owner: null, heartbeatAt: null);
        _time.Advance(TimeSpan.FromMinutes(2));
        var fresh = await AddRunAsync(owner: null, heartbeatAt: null, kind: SyncKind.SingleUser);

        await _orphans.InterruptAsync(CancellationToken.None);

        Assert.Equal(SyncRunStatus.Interrupted, (await FindAsync(recent)).Status);
        Assert.Equal(SyncRunStatus.Running, (await FindAsync(fresh)).Status);
    }

    [Fact]
    public async Task BeatAsync_RecordsTheTime_OnlyOnThisProcesssActiveRuns()
    {
        var before = _time.GetUtcNow();
        var mine = await AddRunAsync(_owner.Id, before);
        var theirs = await AddRunAsync("other-host/4242/1764835200", before, kind: SyncKind.SingleUser);
        _time.Advance(TimeSpan.FromSeconds(15));

        await _orphans.BeatAsync(CancellationToken.None);

        Assert.Equal(_time.GetUtcNow(), (await FindAsync(mine)).HeartbeatAt);
        Assert.Equal(before, (await FindAsync(theirs)).HeartbeatAt);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }

    private async Task<Guid> AddRunAsync(string? owner, DateTimeOffset? heartbeatAt, SyncKind kind = SyncKind.Full)
    {
        await using var db = Context();
        var run = new SyncRun
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            Trigger = SyncTrigger.Cli,
            StartedBy = "cli",
            SubjectKey = kind == SyncKind.SingleUser ? $"{Guid.NewGuid():N}@example.com" : null,
            Status = SyncRunStatus.Running,
            QueuedAt = _time.GetUtcNow(),
            Owner = owner,
            HeartbeatAt = heartbeatAt,
        };
        db.Runs.Add(run);
        await db.SaveChangesAsync();
        return run.Id;
    }

    private async Task<SyncRun> FindAsync(Guid id)
    {
        await using var db = Context();
        return await db.Runs.AsNoTracking().SingleAsync(r => r.Id == id);
    }

    private HiBobAdminDbContext Context() =>
        new(new DbContextOptionsBuilder<HiBobAdminDbContext>().UseSqlite($"Data Source={_path}").Options);

    private sealed class Factory(string path) : IDbContextFactory<HiBobAdminDbContext>
    {
        public HiBobAdminDbContext CreateDbContext() =>
            new(new DbContextOptionsBuilder<HiBobAdminDbContext>().UseSqlite($"Data Source={path}").Options);
    }
}
