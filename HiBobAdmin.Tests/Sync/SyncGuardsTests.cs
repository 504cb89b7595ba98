using HiBobAdmin.Matching;
using HiBobAdmin.Sync;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Sync;

public sealed class SyncGuardsTests
{
    private static Employee[] ActiveEmployees(int count) =>
        [.. Enumerable.Range(1, count).Select(i => Active($"{i}", $"p{i}@example.com") with { Status = "Active" })];

    [Fact]
    public void Completeness_Blocks_WhenActiveEmployeesFallBelowTheShareOfTheLastRun()
    {
        var reason = SyncGuards.Completeness(ActiveEmployees(150), 0, lastActive: 300, minPercent: 80);

        Assert.Equal(
            "HiBob returned 150 active employees, 50% of the 300 in the last successful run (threshold 80%).", reason);
    }

    [Theory]
    [InlineData(240, 300, 80)]
    [InlineData(10, 300, 0)]
    public void Completeness_Passes_AtOrAboveTheShare(int active, int last, int percent) =>
        Assert.Null(SyncGuards.Completeness(ActiveEmployees(active), 0, last, percent));

    [Fact]
    public void Completeness_Passes_WhenThereIsNoEarlierSuccessfulRun() =>
        Assert.Null(SyncGuards.Completeness(ActiveEmployees(3), 0, lastActive: null, minPercent: 80));

    [Fact]
    public void Completeness_Blocks_WhenNoEmployeeHasAnEmail()
    {
        Employee[] employees = [.. ActiveEmployees(3).Select(e => e with { Email = null })];

        Assert.Equal(
            "HiBob returned 3 employees and none has a work email (root.email); check the service user's permissions.",
            SyncGuards.Completeness(employees, 0, null, 80));
    }

    [Fact]
    public void Completeness_Blocks_WhenNoEmployeeHasAStatus()
    {
        Employee[] employees = [.. ActiveEmployees(2).Select(e => e with { Status = null, IsActive = false })];

        Assert.Equal(
            "HiBob returned 2 employees and none has a status (internal.status); check the service user's permissions.",
            SyncGuards.Completeness(employees, 0, null, 80));
    }

    [Fact]
    public void Completeness_Blocks_WhenNoRecordHasAUsableId() =>
        Assert.Equal(
            "HiBob returned 4 employees and none has a usable id (root.id).",
            SyncGuards.Completeness([], unreadable: 4, lastActive: null, minPercent: 80));

    [Fact]
    public void Volume_Blocks_OnTheFirstShareOverTheThreshold()
    {
        var volume = new ChangeVolume(
        [
            new ChangeShare("relink", 2, 100, "linked Port users"),
            new ChangeShare("mark inactive", 40, 100, "hibob_user entities"),
        ]);

        Assert.Equal(
            "this run would mark inactive 40 of 100 hibob_user entities (40%, threshold 20%).",
            SyncGuards.Volume(volume, maxPercent: 20, minChanges: 10));
    }

    [Theory]
    [InlineData(20, 100, 20, 10)]
    [InlineData(9, 10, 20, 10)]
    [InlineData(50, 100, 100, 1)]
    public void Volume_Passes_AtTheThreshold_BelowTheMinimum_OrWhenOff(int count, int existing, int percent, int minChanges) =>
        Assert.Null(SyncGuards.Volume(
            new ChangeVolume([new ChangeShare("relink", count, existing, "linked Port users")]), percent, minChanges));
}
