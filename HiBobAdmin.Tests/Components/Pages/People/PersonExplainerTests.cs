using HiBobAdmin.Components.Pages.People;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Tests.Components.Pages.People;

public sealed class PersonExplainerTests
{
    private static readonly HibobUserProperties Props = new() { State = "Active" };

    [Fact]
    public void Explain_Matched_SaysNothingIsPlanned()
    {
        var row = PeopleTestData.Matched("1", "ana@example.com");

        var explained = PersonExplainer.Explain(row, PeopleTestData.Small(null, row));

        Assert.Equal(LinkStatus.Matched, explained.Status);
        Assert.Equal(new EmailForms("ana@example.com", "ana@example.com"), explained.HiBobEmail);
        Assert.Equal(["ana@example.com (Active, linked to HiBob id 1)"], explained.PortCandidates);
        Assert.Empty(explained.OtherEmployees);
        Assert.Null(explained.Duplicates);
        Assert.Null(explained.Violation);
        Assert.Equal([PersonExplainer.NothingPlanned], explained.NextSync);
    }

    [Fact]
    public void Explain_PendingLink_ShowsBothSpellingsAndTheRelink()
    {
        var row = new PersonRow(
            PeopleTestData.Employee("2", " Bo@Example.com"),
            new PortUser("BO@example.com", null, "Invited", "Standard", "9"),
            LinkStatus.PendingLink,
            "bo@example.com",
            "Linked elsewhere.");
        var plan = new SyncPlan(
            [new HibobUserWrite(HibobUserWriteKind.Update, new HibobUserEntity("2", "Bo", Props))],
            [new UserLinkWrite(UserLinkKind.Relink, "BO@example.com", "2", "9")],
            [],
            0);

        var explained = PersonExplainer.Explain(row, PeopleTestData.Small(plan, row));

        Assert.Equal(new EmailForms(" Bo@Example.com", "bo@example.com"), explained.HiBobEmail);
        Assert.Equal(new EmailForms("BO@example.com", "bo@example.com"), explained.PortIdentifier);
        Assert.Equal("Linked elsewhere.", explained.Reason);
        Assert.Equal(
            [
                "Updates the hibob_user entity 2 to HiBob's current values.",
                "Re-links the Port user BO@example.com from HiBob id 9 to HiBob id 2.",
            ],
            explained.NextSync);
    }

    [Fact]
    public void Explain_HiBobOnly_SaysTheSyncCreatesTheEntityAndTheUser()
    {
        var row = PeopleTestData.HiBobOnly("3", "cy@example.com");
        var plan = new SyncPlan(
            [new HibobUserWrite(HibobUserWriteKind.Create, new HibobUserEntity("3", "Cy", Props))],
            [new UserLinkWrite(UserLinkKind.CreateAndLink, "cy@example.com", "3", null)],
            [],
            0);

        var explained = PersonExplainer.Explain(row, PeopleTestData.Small(plan, row));

        Assert.Empty(explained.PortCandidates);
        Assert.Null(explained.PortIdentifier);
        Assert.Equal(
            [
                "Creates the hibob_user entity 3.",
                "Creates the Port user cy@example.com (Port sends no invitation) and links it to HiBob id 3.",
            ],
            explained.NextSync);
    }

    [Fact]
    public void Explain_PortOnly_ListsNoEmployee_AndNothingPlanned()
    {
        var row = PeopleTestData.PortOnly("Fin@example.com", "Disabled");

        var explained = PersonExplainer.Explain(row, PeopleTestData.Small(null, row));

        Assert.Equal("Fin@example.com", explained.Title);
        Assert.Null(explained.HiBobEmail);
        Assert.Equal(["Fin@example.com (Disabled, not linked)"], explained.PortCandidates);
        Assert.Empty(explained.OtherEmployees);
        Assert.Equal([PersonExplainer.NothingPlanned], explained.NextSync);
    }

    [Fact]
    public void Explain_DuplicateEmail_NamesTheOtherEmployees_AndTheSkip()
    {
        var first = Unlinked(PeopleTestData.Employee("1012", "Dup@example.com", name: "Dee"), LinkStatus.DuplicateEmail);
        var second = Unlinked(PeopleTestData.Employee("1013", "dup@example.com", name: "Dan"), LinkStatus.DuplicateEmail);
        var plan = new SyncPlan([], [], [new SkippedItem("1012", "Shares its email with 1013.")], 0);

        var explained = PersonExplainer.Explain(first, PeopleTestData.Small(plan, first, second));

        Assert.Equal(["Dan (1013, active, dup@example.com)"], explained.OtherEmployees);
        Assert.Equal("2 HiBob employees share the email dup@example.com.", explained.Duplicates);
        Assert.Equal(["Skipped: Shares its email with 1013."], explained.NextSync);
    }

    [Fact]
    public void Explain_NoEmail_HasNoEmailForms_AndTheSkip()
    {
        var row = new PersonRow(PeopleTestData.Employee("1014", null), null, LinkStatus.NoEmail, null, "No work email.");
        var plan = new SyncPlan(
            [new HibobUserWrite(HibobUserWriteKind.Create, new HibobUserEntity("1014", "x", Props))],
            [],
            [new SkippedItem("1014", "No work email, so no Port user can be linked.")],
            0);

        var explained = PersonExplainer.Explain(row, PeopleTestData.Small(plan, row));

        Assert.Null(explained.HiBobEmail);
        Assert.Empty(explained.PortCandidates);
        Assert.Null(explained.Violation);
        Assert.Equal(
            ["Creates the hibob_user entity 1014.", "Skipped: No work email, so no Port user can be linked."],
            explained.NextSync);
    }

    [Fact]
    public void Explain_UnmappableEmail_SaysWhyPortRefusesIt()
    {
        var row = Unlinked(PeopleTestData.Employee("1015", "o'neil@example.com"), LinkStatus.UnmappableEmail);

        var explained = PersonExplainer.Explain(row, PeopleTestData.Small(null, row));

        Assert.Equal("\"o'neil@example.com\" cannot be a Port identifier because it contains an apostrophe (').", explained.Violation);
        Assert.Equal("Test reason.", explained.Reason);
    }

    [Fact]
    public void Explain_Leaver_SaysOnlyTheStateIsWritten()
    {
        var row = new PersonRow(
            PeopleTestData.Employee("1016", "gone@example.com", active: false),
            new PortUser("gone@example.com", null, "Active", "Standard", "1016"),
            LinkStatus.Leaver,
            "gone@example.com",
            "Inactive in HiBob, but the Port user is still Active.");
        var plan = new SyncPlan(
            [new HibobUserWrite(HibobUserWriteKind.StateOnly, new HibobUserEntity("1016", "x", Props with { State = "Inactive" }))],
            [],
            [],
            0);

        var explained = PersonExplainer.Explain(row, PeopleTestData.Small(plan, row));

        Assert.Equal(["Writes only the state (Inactive) of the hibob_user entity 1016."], explained.NextSync);
        Assert.Equal(["gone@example.com (Active, linked to HiBob id 1016)"], explained.PortCandidates);
    }

    private static PersonRow Unlinked(Employee employee, LinkStatus status) =>
        new(employee, null, status, EmailAddress.Normalise(employee.Email), "Test reason.");
}
