using HiBobAdmin.Audit;
using HiBobAdmin.Decisions;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Decisions;

public sealed class ManualDecisionStoreTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);
    private static readonly Employee Ann = new() { Id = "1", Email = "ann@example.com", IsActive = true, DisplayName = "Ann" };

    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly ServiceProvider _services;

    public ManualDecisionStoreTests()
    {
        var services = new ServiceCollection();
        _database.AddTo(services);
        services.AddSingleton<TimeProvider>(_time);
        services.AddSingleton<AuditLog>();
        services.AddSingleton<ManualDecisionStore>();
        _services = services.BuildServiceProvider();
    }

    private ManualDecisionStore Store => _services.GetRequiredService<ManualDecisionStore>();

    [Fact]
    public async Task LinkAsync_IsStoredAuditedAndUndone_AndRefusesASecondLinkForTheSameEmployee()
    {
        var made = await Store.LinkAsync(Ann, " annie@contractor.io ", "hr@example.com", CancellationToken.None);
        var again = await Store.LinkAsync(Ann, "other@example.com", "hr@example.com", CancellationToken.None);
        var loaded = await Store.LoadAsync(CancellationToken.None);
        var undone = await Store.RemoveLinkAsync(
            (await Store.ListLinksAsync(CancellationToken.None)).Single().Id, "ops@example.com", CancellationToken.None);

        Assert.True(made.Succeeded);
        Assert.False(again.Succeeded);
        Assert.Equal("Ann is already linked manually to annie@contractor.io; undo that link first.", again.Message);
        Assert.Equal([new ManualLink("1", "annie@contractor.io", "hr@example.com", Start)], loaded.Links);
        Assert.True(undone.Succeeded);
        Assert.Empty((await Store.LoadAsync(CancellationToken.None)).Links);
        Assert.Equal(
            [
                (AuditAction.OverrideCreated, "hr@example.com", "Linked Ann (1) to the Port user annie@contractor.io."),
                (AuditAction.OverrideRemoved, "ops@example.com", "Undid the manual link of Ann (1) to annie@contractor.io."),
            ],
            await AuditAsync());
    }

    [Fact]
    public async Task IgnoreAsync_KeepsPortUserOutOfQueue_UntilTheClockPassesExpiry()
    {
        var users = new[] { new PortUser("ci-bot@example.com", null, "Active", null, null) };

        var result = await Store.IgnoreAsync(
            "ci-bot@example.com", "Test account", Start.AddDays(7), "ops@example.com", CancellationToken.None);
        var before = Reconciler.Reconcile(new ReconcileInput([], users, [], true)
        {
            Decisions = await Store.LoadAsync(CancellationToken.None),
        });
        _time.Advance(TimeSpan.FromDays(7));
        var after = Reconciler.Reconcile(new ReconcileInput([], users, [], true)
        {
            Decisions = await Store.LoadAsync(CancellationToken.None),
        });

        Assert.Equal("Marked ci-bot@example.com as expected until 2026-12-11: Test account.", result.Message);
        Assert.Equal(LinkStatus.Expected, Assert.Single(before.People).Status);
        Assert.Equal("Expected until 2026-12-11: Test account (marked by ops@example.com on 2026-12-04).",
            before.People[0].Reason);
        Assert.Empty(ReviewQueues.Filter(before.People, ReviewQueue.PortUsersWithoutEmployee));
        Assert.Equal(LinkStatus.PortOnly, Assert.Single(after.People).Status);
        Assert.Single(ReviewQueues.Filter(after.People, ReviewQueue.PortUsersWithoutEmployee));
        Assert.Equal([(AuditAction.IgnoreCreated, "ops@example.com", result.Message)], await AuditAsync());
    }

    [Fact]
    public async Task RemoveIgnoreAsync_ReturnsThePortUserToTheQueue_AuditedOnce()
    {
        await Store.IgnoreAsync("ci-bot@example.com", "Test account", Start.AddDays(7), "ops@example.com", CancellationToken.None);
        var id = (await Store.ListIgnoresAsync(CancellationToken.None)).Single().Id;

        var undone = await Store.RemoveIgnoreAsync(id, "hr@example.com", CancellationToken.None);
        var again = await Store.RemoveIgnoreAsync(id, "hr@example.com", CancellationToken.None);

        Assert.True(undone.Succeeded);
        Assert.Equal("ci-bot@example.com is no longer marked as expected; it returns to the review queue.", undone.Message);
        Assert.False(again.Succeeded);
        Assert.Equal("That entry was already removed.", again.Message);
        Assert.Empty((await Store.LoadAsync(CancellationToken.None)).Ignores);
        Assert.Equal((AuditAction.IgnoreRemoved, "hr@example.com", undone.Message), (await AuditAsync())[^1]);
    }

    [Theory]
    [InlineData("  ", 7, "Say why this Port user is expected (contractor, service account, test).")]
    [InlineData("Contractor", 0, "The expiry date must be in the future.")]
    public async Task IgnoreAsync_RefusesAndStoresNothing_WhenReasonOrExpiryIsMissing(
        string reason,
        int days,
        string message)
    {
        var result = await Store.IgnoreAsync(
            "x@example.com", reason, Start.AddDays(days), "ops@example.com", CancellationToken.None);

        Assert.Equal(DecisionResult.Refused(message), result);
        Assert.Empty(await Store.ListIgnoresAsync(CancellationToken.None));
        Assert.Empty(await AuditAsync());
    }

    private async Task<List<(AuditAction, string, string)>> AuditAsync()
    {
        await using var db = await _services.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>()
            .CreateDbContextAsync();
        var entries = await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
        return [.. entries.Select(e => (e.Action, e.Actor, e.Detail))];
    }

    public void Dispose()
    {
        _services.Dispose();
        _database.Delete();
    }
}
