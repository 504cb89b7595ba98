using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

public sealed class ProtectedAccountsTests
{
    [Fact]
    public void Apply_DropsLinkWritesOfPortAdmins_AndRecordsThemAsSkipped()
    {
        var admin = User("Boss@example.com", linkedTo: "9") with { Role = "Admin" };
        var input = Input(
            [Active("1", "boss@example.com", "Boss"), Active("2", "ann@example.com")],
            [admin, User("ann@example.com")]);
        var plan = Reconciler.Reconcile(input).Plan;

        var kept = ProtectedAccounts.Apply(plan, input.PortUsers, []);

        var link = Assert.Single(kept.UserLinkWrites);
        Assert.Equal("ann@example.com", link.PortUserIdentifier);
        var skipped = Assert.Single(kept.Skipped, s => s.Subject == "1");
        Assert.Equal(
            "Protected: the Port user Boss@example.com is a Port admin, so the sync does not change it "
                + "(relinking it from employee 9 to 1 was dropped).",
            skipped.Reason);
        Assert.Equal(plan.HibobUserWrites, kept.HibobUserWrites);
    }

    [Fact]
    public void Apply_DropsWritesOfListedEmails_WhateverTheirCase_IncludingCreations()
    {
        var input = Input([Active("1", "CEO@example.com"), Active("2", "ann@example.com")], [User("ann@example.com")]);
        var plan = Reconciler.Reconcile(input).Plan;

        var kept = ProtectedAccounts.Apply(plan, input.PortUsers, [" ceo@EXAMPLE.com ", "ann@example.com"]);

        Assert.Empty(kept.UserLinkWrites);
        Assert.Contains(
            kept.Skipped,
            s => s.Subject == "1" && s.Reason == "Protected: the Port user ceo@example.com is on the protected list "
                + "(Sync:ProtectedAccounts), so the sync does not change it (creating it for employee 1 was dropped).");
        Assert.Contains(kept.Skipped, s => s.Subject == "2" && s.Reason.Contains("(linking it to employee 2 was dropped)", StringComparison.Ordinal));
    }

    [Fact]
    public void Apply_ReturnsThePlanAsItIs_WhenNothingIsProtected()
    {
        var input = Input([Active("1", "ann@example.com")], [User("ann@example.com") with { Role = "Member" }]);
        var plan = Reconciler.Reconcile(input).Plan;

        Assert.Same(plan, ProtectedAccounts.Apply(plan, input.PortUsers, []));
    }
}
