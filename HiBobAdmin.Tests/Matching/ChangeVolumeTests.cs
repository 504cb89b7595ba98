using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

public sealed class ChangeVolumeTests
{
    [Fact]
    public void Of_CountsRelinksAgainstLinks_AndInactivationsAgainstEntities()
    {
        Employee[] employees = [Active("1", "a@example.com"), Active("2", "b@example.com"), Inactive("3", "c@example.com")];
        var input = Input(
            employees,
            [User("a@example.com", linkedTo: "1"), User("b@example.com", linkedTo: "7"), User("x@example.com", linkedTo: "8")],
            [EntityOf(employees[0]), EntityOf(employees[1]), EntityOf(Active("3", "c@example.com")), EntityOf(Active("8", "x@example.com"))]);

        var volume = ChangeVolume.Of(Reconciler.Reconcile(input).Plan, input);

        Assert.Equal(
            [
                new ChangeShare("relink", 1, 3, "linked Port users"),
                new ChangeShare("mark inactive", 1, 4, "hibob_user entities"),
                new ChangeShare("remove", 0, 4, "hibob_user entities"),
            ],
            volume.Shares);
    }

    [Fact]
    public void Of_CountsStaleEntityRemovalsAgainstEntities()
    {
        Employee[] employees = [Active("1", "a@example.com")];
        var input = Input(
            employees,
            [User("a@example.com", linkedTo: "1")],
            [EntityOf(employees[0]), EntityOf(Active("8", "x@example.com")), EntityOf(Active("9", "y@example.com"))]);
        var plan = Reconciler.Reconcile(input).Plan with { EntityRemovals = ["8", "9"] };

        var removal = ChangeVolume.Of(plan, input).Shares.Single(s => s.Verb == "remove");

        Assert.Equal(new ChangeShare("remove", 2, 3, "hibob_user entities"), removal);
        Assert.True(removal.Exceeds(20));
    }

    [Theory]
    [InlineData(20, 100, 20, false)]
    [InlineData(21, 100, 20, true)]
    [InlineData(1, 0, 20, true)]
    [InlineData(0, 0, 20, false)]
    public void Exceeds_ComparesTheExactShare(int count, int existing, int percent, bool exceeds) =>
        Assert.Equal(exceeds, new ChangeShare("relink", count, existing, "links").Exceeds(percent));
}
