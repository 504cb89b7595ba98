using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

public sealed class PlanDescriptionsTests
{
    [Fact]
    public void Describe_ListsEachChangedPropertyAsOldToNew_ForAnUpdate()
    {
        var before = Active("1", "ann@example.com", "Ann");
        var after = before with { DisplayName = "Ann Lee", Email = "ann.lee@example.com" };
        var input = Input([after], [User("ann.lee@example.com", linkedTo: "1")], [EntityOf(before)]);
        var write = Assert.Single(Reconciler.Reconcile(input).Plan.HibobUserWrites);

        var text = new PlanDescriptions(input.HibobUsers).Describe(write);

        Assert.Equal(HibobUserWriteKind.Update, write.Kind);
        Assert.Equal(
            "title: \"Ann\" → \"Ann Lee\"; displayName: \"Ann\" → \"Ann Lee\"; email: \"ann@example.com\" → \"ann.lee@example.com\"",
            text);
    }

    [Fact]
    public void Describe_ShowsTheStateChange_ForALeaver()
    {
        var input = Input([Inactive("1", "ann@example.com")], [], [EntityOf(Active("1", "ann@example.com"))]);
        var write = Assert.Single(Reconciler.Reconcile(input).Plan.HibobUserWrites);

        Assert.Equal("state: \"Active\" → \"Inactive\"", new PlanDescriptions(input.HibobUsers).Describe(write));
    }

    [Fact]
    public void Describe_ShowsTheOldAndNewRelation_ForARelink() =>
        Assert.Equal(
            "hibob_user relation: 7 → 1",
            PlanDescriptions.Describe(new UserLinkWrite(UserLinkKind.Relink, "ann@example.com", "1", "7")));
}
