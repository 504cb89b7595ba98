using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Sync;

public sealed class SnapshotArchiveTests : IDisposable
{
    private static readonly DateTimeOffset ReadAt = new(2026, 12, 3, 8, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();
    private readonly ServiceProvider _services;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly FakeTimeProvider _clock = new(ReadAt.AddMinutes(1));

    public SnapshotArchiveTests()
    {
        var services = new ServiceCollection();
        _database.AddTo(services);
        services.AddLogging(logging => logging.AddProvider(_logs));
        services.AddSingleton<TimeProvider>(_clock);
        services.AddSingleton<SnapshotArchive>();
        services.AddOptions<SyncOptions>();
        services.AddSingleton<PeopleSnapshotStore>();
        _services = services.BuildServiceProvider();
    }

    private SnapshotArchive Archive => _services.GetRequiredService<SnapshotArchive>();

    [Fact]
    public async Task LoadAsync_ReturnsWhatWasSaved_WithEveryRowAndThePlan()
    {
        var snapshot = Snapshot();
        await Archive.SaveAsync(snapshot, CancellationToken.None);
        await Archive.SaveAsync(snapshot with { ReadAt = ReadAt.AddHours(1) }, CancellationToken.None);

        var loaded = await Archive.LoadAsync(CancellationToken.None);

        Assert.NotNull(loaded);
        Assert.Equal(ReadAt.AddHours(1), loaded.ReadAt);
        Assert.Equal(snapshot.People, loaded.People);
        Assert.Equal(2, loaded.ServiceAccounts);
        Assert.Equal(snapshot.Plan.HibobUserWrites, loaded.Plan.HibobUserWrites);
        Assert.Equal(snapshot.Plan.UserLinkWrites, loaded.Plan.UserLinkWrites);
        Assert.Equal(snapshot.Plan.Skipped, loaded.Plan.Skipped);
        Assert.Equal(snapshot.Plan.Unchanged, loaded.Plan.Unchanged);
    }

    [Fact]
    public async Task LoadAsync_ReturnsNull_WhenNothingWasSaved()
    {
        var loaded = await Archive.LoadAsync(CancellationToken.None);

        Assert.Null(loaded);
    }

    [Fact]
    public async Task LoadAsync_IgnoresADamagedSnapshot_AndSaysSo()
    {
        await Archive.SaveAsync(Snapshot(), CancellationToken.None);
        await using (var db = await Contexts().CreateDbContextAsync())
        {
            var row = await db.Snapshots.SingleAsync();
            row.Data = [1, 2, 3];
            await db.SaveChangesAsync();
        }

        var loaded = await Archive.LoadAsync(CancellationToken.None);

        Assert.Null(loaded);
        Assert.Contains(_logs.Entries, e => e.Message.Contains("cannot be read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LoadAsync_IgnoresASnapshotOfAnotherFormat()
    {
        await Archive.SaveAsync(Snapshot(), CancellationToken.None);
        await using (var db = await Contexts().CreateDbContextAsync())
        {
            (await db.Snapshots.SingleAsync()).Format = SnapshotArchive.Format + 1;
            await db.SaveChangesAsync();
        }

        var loaded = await Archive.LoadAsync(CancellationToken.None);

        Assert.Null(loaded);
    }

    [Fact]
    public async Task GetOrLoadAsync_TakesUpASnapshotAnotherProcessSaved_AfterTheCheckInterval()
    {
        var store = _services.GetRequiredService<PeopleSnapshotStore>();
        var first = Snapshot();
        await Archive.SaveAsync(first, CancellationToken.None);
        await store.GetOrLoadAsync(CancellationToken.None); // loads the saved one
        Assert.Equal(ReadAt, (await store.GetOrLoadAsync(CancellationToken.None)).ReadAt); // and looks for a newer

        // A CLI sync in another process saves what it read later; this process's store has not seen it.
        var later = first with { ReadAt = ReadAt.AddMinutes(30), People = [first.People[0] with { Status = LinkStatus.PendingLink }] };
        await Archive.SaveAsync(later, CancellationToken.None);
        var beforeInterval = await store.GetOrLoadAsync(CancellationToken.None);
        _clock.Advance(PeopleSnapshotStore.SavedCheckInterval);
        var afterInterval = await store.GetOrLoadAsync(CancellationToken.None);

        Assert.Equal(ReadAt, beforeInterval.ReadAt);
        Assert.Equal(ReadAt.AddMinutes(30), afterInterval.ReadAt);
        Assert.Equal(LinkStatus.PendingLink, Assert.Single(afterInterval.People).Status);
        Assert.Same(afterInterval, store.Current);
    }

    [Fact]
    public async Task GetOrLoadAsync_KeepsItsOwnSnapshot_WhenTheSavedOneIsOlder()
    {
        var store = _services.GetRequiredService<PeopleSnapshotStore>();
        await Archive.SaveAsync(Snapshot(), CancellationToken.None);
        var own = Snapshot() with { ReadAt = ReadAt.AddHours(2) };
        store.Replace(own);

        _clock.Advance(PeopleSnapshotStore.SavedCheckInterval);

        Assert.Same(own, await store.GetOrLoadAsync(CancellationToken.None));
    }

    public void Dispose()
    {
        _services.Dispose();
        _database.Delete();
    }

    private IDbContextFactory<HiBobAdminDbContext> Contexts() =>
        _services.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>();

    private static PeopleSnapshot Snapshot()
    {
        var ana = new Employee
        {
            Id = "3332883884017713238",
            Email = "Ana.Silva@corp.example",
            IsActive = true,
            DisplayName = "Ana Silva",
            IsManager = true,
        };
        var leaver = new Employee { Id = "3332883884017713239", Email = "old@corp.example", IsActive = false };
        var portUser = new PortUser("ana.silva@corp.example", "Ana Silva", "Active", "Standard", ana.Id);
        var people = new List<PersonRow>
        {
            new(ana, portUser, LinkStatus.Matched, "ana.silva@corp.example", "Linked."),
            new(leaver, null, LinkStatus.Leaver, "old@corp.example", "Inactive in HiBob."),
            new(null, new PortUser("x@corp.example", null, "Staged", null, null), LinkStatus.PortOnly, "x@corp.example", "No employee."),
        };
        var plan = new SyncPlan(
            [new HibobUserWrite(HibobUserWriteKind.Update, HibobUserMapper.FromEmployee(ana))],
            [new UserLinkWrite(UserLinkKind.Relink, "ana.silva@corp.example", ana.Id, "1")],
            [new SkippedItem(leaver.Id, "Inactive and never synced.")],
            7);
        return new PeopleSnapshot(people, 2, ReadAt, plan);
    }
}
