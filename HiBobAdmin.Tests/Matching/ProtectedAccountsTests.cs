using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

public sealed class ProtectedAccountsTests
{
    [Fact]
    public void Reconcile_PlansNoWriteForAPortAdmin_AndShowsItsRowAsProtectedWithTheReason()
    {
        var admin = User("Boss@example.com", linkedTo: "9") with { Role = "Admin" };
        var input = Input(
            [Active("1", "boss@example.com", "Boss"), Active("2", "ann@example.com")],
            [admin, User("ann@example.com")]);

        var result = Reconciler.Reconcile(input);

        var link = Assert.Single(result.Plan.UserLinkWrites);
        Assert.Equal("ann@example.com", link.PortUserIdentifier);
        const string Reason = "Protected: the Port user Boss@example.com is a Port admin, so the sync does not change it "
            + "(relinking it from employee 9 to 1 was dropped).";
        Assert.Equal(Reason, Assert.Single(result.Plan.Skipped, s => s.Subject == "1").Reason);
        var row = Assert.Single(result.People, p => p.Employee?.Id == "1");
        Assert.Equal(LinkStatus.Protected, row.Status);
        Assert.Equal(Reason, row.Reason);
        Assert.Equal(2, result.Plan.HibobUserWrites.Count);
    }

    [Fact]
    public void Reconcile_PlansNoWriteForListedEmails_WhateverTheirCase_IncludingCreations()
    {
        var input = Input([Active("1", "CEO@example.com"), Active("2", "ann@example.com")], [User("ann@example.com")]) with
        {
            ProtectedAccounts = [" ceo@EXAMPLE.com ", "ann@example.com"],
        };

        var result = Reconciler.Reconcile(input);

        Assert.Empty(result.Plan.UserLinkWrites);
        Assert.Contains(
            result.Plan.Skipped,
            s => s.Subject == "1" && s.Reason == "Protected: the Port user ceo@example.com is on the protected list "
                + "(Sync:ProtectedAccounts), so the sync does not change it (creating it for employee 1 was dropped).");
        Assert.Contains(
            result.Plan.Skipped,
            s => s.Subject == "2" && s.Reason.Contains("(linking it to employee 2 was dropped)", StringComparison.Ordinal));
        Assert.All(result.People, p => Assert.Equal(LinkStatus.Protected, p.Status));
    }

    [Fact]
    public void Reconcile_LeavesAMatchedAdminMatched_AndPlansAsUsual_WhenNothingIsProtected()
    {
        var admin = User("boss@example.com", linkedTo: "1") with { Role = "Admin" };
        var input = Input(
            [Active("1", "boss@example.com"), Active("2", "ann@example.com")],
            [admin, User("ann@example.com") with { Role = "Member" }]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(LinkStatus.Matched, Assert.Single(result.People, p => p.Employee?.Id == "1").Status);
        Assert.Equal(LinkStatus.PendingLink, Assert.Single(result.People, p => p.Employee?.Id == "2").Status);
        Assert.Equal("ann@example.com", Assert.Single(result.Plan.UserLinkWrites).PortUserIdentifier);
        Assert.Empty(result.Plan.Skipped);
    }

    [Fact]
    public void Reconcile_GivesAManualLinkToAnAdmin_TheProtectedReason_NotAPromiseToLink()
    {
        var made = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
        var input = Input([Active("1", "b.oss@other.com")], [User("boss@example.com") with { Role = "Admin" }]) with
        {
            Decisions = new([new ManualLink("1", "boss@example.com", "hr@example.com", made)], [], made),
        };

        var result = Reconciler.Reconcile(input);

        Assert.Empty(result.Plan.UserLinkWrites);
        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.Protected, row.Status);
        Assert.Equal(
            "Protected: the Port user boss@example.com is a Port admin, so the sync does not change it "
                + "(linking it to employee 1 was dropped).",
            row.Reason);
        Assert.Equal(row.Reason, Assert.Single(result.Plan.Skipped, s => s.Subject == "1").Reason);
    }

    [Fact]
    public void Reconcile_LinksAMember_WhoseIdentifierDiffersFromAnAdminsOnlyInCase()
    {
        var admin = User("Ada@example.com") with { Role = "Admin" };
        var member = User("ada@example.com") with { Role = "Member" };

        var result = Reconciler.Reconcile(Input([Active("1", "ada@example.com")], [admin, member]));

        Assert.Equal("ada@example.com", Assert.Single(result.Plan.UserLinkWrites).PortUserIdentifier);
        Assert.Equal(LinkStatus.PendingLink, result.RowOf("1").Status);
    }
}
