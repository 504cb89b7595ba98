using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

/// <summary>Inputs found by attacking the reconciler: each one would have linked or created the wrong account.</summary>
public sealed class ReconcilerHardeningTests
{
    [Fact]
    public void Reconcile_NeverWritesAServiceAccount_WhenAnEmployeeHasItsEmail()
    {
        var bot = Active("1", "deploy@serviceaccounts.getport.io");
        var input = Input([bot], [ServiceAccount("deploy@serviceaccounts.getport.io")]);

        var result = Reconciler.Reconcile(input);

        Assert.Empty(result.Plan.UserLinkWrites);
        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.HiBobOnly, row.Status);
        Assert.Equal(
            "The Port user deploy@serviceaccounts.getport.io is a service account, which the sync never matches or writes.",
            row.Reason);
        Assert.Contains(result.Plan.Skipped, s => s.Subject == "1" && s.Reason == row.Reason);
    }

    [Theory]
    [InlineData("\u212Aim@example.com")]
    [InlineData("ｋim@example.com")]
    public void Reconcile_TreatsLookAlikeCharacters_AsUnmappable_AndLinksNobody(string email)
    {
        var input = Input([Active("1", email)], [User("kim@example.com")]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(LinkStatus.UnmappableEmail, result.RowOf("1").Status);
        Assert.Empty(result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.PortOnly, result.PortRowOf("kim@example.com").Status);
    }

    [Theory]
    [InlineData("bob")]
    [InlineData("12345")]
    [InlineData("@example.com")]
    [InlineData("bob@")]
    [InlineData("a@b@example.com")]
    public void Reconcile_TreatsValuesThatAreNotEmails_AsUnmappable_AndCreatesNoUser(string email)
    {
        var result = Reconciler.Reconcile(Input([Active("1", email)]));

        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.UnmappableEmail, row.Status);
        Assert.Contains("is not an email address", row.Reason, StringComparison.Ordinal);
        Assert.Empty(result.Plan.UserLinkWrites);
        Assert.Single(result.Plan.EntityWritesFor("1"));
    }

    [Fact]
    public void Reconcile_MatchesADecomposedAccent_ToTheComposedPortUser()
    {
        var decomposed = "zoe\u0308@example.com";
        var input = Input([Active("1", decomposed)], [User("zo\u00EB@example.com")]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(LinkStatus.PendingLink, result.RowOf("1").Status);
        var link = Assert.Single(result.Plan.UserLinkWrites);
        Assert.Equal(UserLinkKind.Link, link.Kind);
        Assert.Equal("zo\u00EB@example.com", link.PortUserIdentifier);
    }
}
