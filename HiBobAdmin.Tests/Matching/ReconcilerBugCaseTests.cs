using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

/// <summary>The reconciler's part of the public bug cases (cases/public-bug-cases.md).</summary>
public sealed class ReconcilerBugCaseTests
{
    [Fact]
    public void Reconcile_WritesOnlyInactiveStateForLeaver_WhenEmployeeLeftAndEntityIsActive() // B02
    {
        var cy = Active("2001", "cy.current@example.com", "Cy Current");
        var di = Inactive("2002", "di.former@example.com", "Di Former");
        var ex = Inactive("2003", "ex.gone@example.com", "Ex Gone");
        var diEntity = EntityOf(di with { IsActive = true });
        var input = Input([cy, di, ex], [User("di.former@example.com", status: "Active")], [diEntity]);

        var result = Reconciler.Reconcile(input);

        var diWrite = Assert.Single(result.Plan.EntityWritesFor("2002"));
        Assert.Equal(HibobUserWriteKind.StateOnly, diWrite.Kind);
        Assert.Equal(new HibobUserEntity("2002", null, new HibobUserProperties { State = "Inactive" }), diWrite.Entity);
        Assert.Empty(result.Plan.LinkWritesFor("2002"));
        Assert.DoesNotContain(result.Plan.UserLinkWrites, w => w.PortUserIdentifier == "di.former@example.com");
        var diRow = result.RowOf("2002");
        Assert.Equal(LinkStatus.Leaver, diRow.Status);
        Assert.Equal("di.former@example.com", diRow.PortUser?.Identifier);
        Assert.True(diRow.PortUser?.HasStatus("Active"));
        Assert.Equal(
            "Di Former is inactive in HiBob, but the Port user di.former@example.com is still Active.",
            diRow.Reason);
        Assert.Empty(result.Plan.EntityWritesFor("2003"));
        Assert.Contains(
            new SkippedItem("2003", "Inactive in HiBob and not in Port: not created."),
            result.Plan.Skipped);
        Assert.Equal(LinkStatus.Leaver, result.RowOf("2003").Status);
        Assert.Equal(HibobUserWriteKind.Create, Assert.Single(result.Plan.EntityWritesFor("2001")).Kind);
    }

    [Fact]
    public void Reconcile_WritesEveryEntityButLinksOnlyUsableEmails_WhenEmailsAreNullBlankOrHostile() // B04
    {
        var employees = new[]
        {
            Active("1005", null), Active("1006", "   "), Active("1007", "o'neil@example.com"),
            Active("1008", "zoë@example.com"), Active("1009", "eli.ok@example.com"),
        };

        var result = Reconciler.Reconcile(Input(employees));

        Assert.Equal(
            ["1005", "1006", "1007", "1008", "1009"],
            result.Plan.HibobUserWrites.Select(w => w.Entity.Identifier));
        Assert.All(result.Plan.HibobUserWrites, w => Assert.Equal(HibobUserWriteKind.Create, w.Kind));
        Assert.Null(Assert.Single(result.Plan.EntityWritesFor("1005")).Entity.Properties.Email);
        Assert.Null(Assert.Single(result.Plan.EntityWritesFor("1006")).Entity.Properties.Email);
        Assert.Equal(
            ["eli.ok@example.com", "zoë@example.com"],
            result.Plan.UserLinkWrites.Select(w => w.PortUserIdentifier).Order(StringComparer.Ordinal));
        Assert.Equal(LinkStatus.NoEmail, result.RowOf("1005").Status);
        Assert.Equal(
            "HiBob employee 1005 has no work email, so no Port user can be linked.",
            result.RowOf("1005").Reason);
        Assert.Equal(LinkStatus.NoEmail, result.RowOf("1006").Status);
        Assert.Contains("1006", result.RowOf("1006").Reason, StringComparison.Ordinal);
        var oneil = result.RowOf("1007");
        Assert.Equal(LinkStatus.UnmappableEmail, oneil.Status);
        Assert.Equal(
            "The email \"o'neil@example.com\" cannot be a Port user identifier because it contains an apostrophe ('); "
            + "it is not rewritten, so no Port user is linked.",
            oneil.Reason);
        Assert.Equal(["1005", "1006", "1007"], result.Plan.Skipped.Select(s => s.Subject));
        var identifiers = result.Plan.UserLinkWrites.Select(w => w.PortUserIdentifier)
            .Concat(result.Plan.HibobUserWrites.Select(w => w.Entity.Identifier));
        Assert.DoesNotContain(
            identifiers,
            i => i is "None" or "null" or "" || i.Contains("o_neil", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconcile_LeavesDanHiBobOnlyWithoutWrite_WhenCreatingPortUsersIsOff() // B07
    {
        var dan = Active("3001", "dan.new@example.com", "Dan New");
        var eve = Active("3002", "eve.ok@example.com", "Eve Ok");
        var input = Input([dan, eve], [User("eve.ok@example.com"), User("fin.only@example.com")],
            createMissingPortUsers: false);

        var result = Reconciler.Reconcile(input);

        Assert.Empty(result.Plan.LinkWritesFor("3001"));
        Assert.Equal(LinkStatus.HiBobOnly, result.RowOf("3001").Status);
        Assert.Contains(result.Plan.Skipped, s => s.Subject == "3001" && s.Reason.Contains("creating users is off"));
        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Link, "eve.ok@example.com", "3002", null)],
            result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.PortOnly, result.PortRowOf("fin.only@example.com").Status);

        var next = Reconciler.Reconcile(Apply(input, result.Plan));

        Assert.Equal(LinkStatus.Matched, next.RowOf("3002").Status);
        Assert.Equal(LinkStatus.HiBobOnly, next.RowOf("3001").Status);
        Assert.Equal(0, next.Plan.WriteCount);
    }

    [Fact]
    public void Reconcile_CreatesAndLinksDanAndLeavesFinAlone_WhenCreatingPortUsersIsOn() // B07
    {
        var dan = Active("3001", "dan.new@example.com", "Dan New");
        var eve = Active("3002", "eve.ok@example.com", "Eve Ok");
        var fin = User("fin.only@example.com");
        var input = Input([dan, eve], [User("eve.ok@example.com"), fin], createMissingPortUsers: true);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            [
                new UserLinkWrite(UserLinkKind.CreateAndLink, "dan.new@example.com", "3001", null),
                new UserLinkWrite(UserLinkKind.Link, "eve.ok@example.com", "3002", null),
            ],
            result.Plan.UserLinkWrites);
        Assert.DoesNotContain(result.Plan.UserLinkWrites, w => w.PortUserIdentifier == "fin.only@example.com");
        Assert.Equal(LinkStatus.PortOnly, result.PortRowOf("fin.only@example.com").Status);

        var next = Reconciler.Reconcile(Apply(input, result.Plan));

        Assert.Equal(LinkStatus.Matched, next.RowOf("3002").Status);
        var danRow = next.RowOf("3001");
        Assert.Equal(LinkStatus.Matched, danRow.Status);
        Assert.Equal("Staged", danRow.PortUser?.Status);
        Assert.Equal(fin, next.PortRowOf("fin.only@example.com").PortUser);
        Assert.Equal(0, next.Plan.WriteCount);
    }

    [Fact]
    public void Reconcile_LinksExistingUserAndCreatesNoVariant_WhenEmailDiffersInCaseAndSpaces() // B09
    {
        var ana = Active("4001", "  Ana.Test@Example.COM ", "Ana Test");
        var input = Input([ana], [User("ana.test@example.com")]);

        var result = Reconciler.Reconcile(input);

        var entity = Assert.Single(result.Plan.HibobUserWrites).Entity;
        Assert.Equal("4001", entity.Identifier);
        Assert.Equal("Ana.Test@Example.COM", entity.Properties.Email);
        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Link, "ana.test@example.com", "4001", null)],
            result.Plan.UserLinkWrites);
        var row = Assert.Single(result.People);
        Assert.Equal(LinkStatus.PendingLink, row.Status);
        Assert.Equal("ana.test@example.com", row.NormalisedEmail);

        var next = Reconciler.Reconcile(Apply(input, result.Plan));

        var nextRow = Assert.Single(next.People);
        Assert.Equal(LinkStatus.Matched, nextRow.Status);
        Assert.Equal("ana.test@example.com", nextRow.PortUser?.Identifier);
        Assert.Equal(0, next.Plan.WriteCount);
    }

    [Fact]
    public void Reconcile_LinksPortSpelling_WhenPortIdentifierHasCapitals() // B09
    {
        var ana = Active("4001", "ana.test@example.com", "Ana Test");
        var input = Input([ana], [User("Ana.Test@Example.com")], [EntityOf(ana)]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Link, "Ana.Test@Example.com", "4001", null)],
            result.Plan.UserLinkWrites);
        Assert.DoesNotContain(result.People, r => r.Status == LinkStatus.PortOnly);
    }

    [Fact]
    public void Reconcile_RelinksRehireAndHoldsBackTwins_WhenHiBobHasDuplicateEmails() // B11
    {
        var input = B11Input();

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            ["1011", "1012", "1013", "1014"],
            result.Plan.HibobUserWrites.Select(w => w.Entity.Identifier));
        Assert.All(result.Plan.HibobUserWrites, w => Assert.Equal(HibobUserWriteKind.Create, w.Kind));
        Assert.Equal("Active", Assert.Single(result.Plan.EntityWritesFor("1011")).Entity.Properties.State);
        Assert.Equal(
            [
                new UserLinkWrite(UserLinkKind.Relink, "fay.back@example.com", "1011", "1010"),
                new UserLinkWrite(UserLinkKind.CreateAndLink, "hal.solo@example.com", "1014", null),
            ],
            result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.Leaver, result.RowOf("1010").Status);
        Assert.Null(result.RowOf("1010").PortUser);
        Assert.Equal(LinkStatus.PendingLink, result.RowOf("1011").Status);
        Assert.Equal(
            "Rehired: the Port user fay.back@example.com is linked to the inactive record Fay Back (1010) "
            + "of the same email; the next sync moves the link to this active record.",
            result.RowOf("1011").Reason);
        foreach (var id in new[] { "1012", "1013" })
        {
            var row = result.RowOf(id);
            Assert.Equal(LinkStatus.DuplicateEmail, row.Status);
            Assert.Equal(
                "The active employees 1012 and 1013 share the email gus.twin@example.com in HiBob, "
                + "so none of them is linked until each has their own email.",
                row.Reason);
            Assert.Contains(result.Plan.Skipped, s => s.Subject == id && s.Reason == row.Reason);
        }

        Assert.Equal(LinkStatus.HiBobOnly, result.RowOf("1014").Status);
        Assert.DoesNotContain(result.People, r => r.Status == LinkStatus.PortOnly);
        Assert.Equal(1, result.Plan.Unchanged);
    }

    [Fact]
    public void Reconcile_LinksGus_WhenTwinEmailIsFixedOnNextRun() // B11
    {
        var input = B11Input();
        var applied = Apply(input, Reconciler.Reconcile(input).Plan);
        var fixedEmployees = applied.Employees
            .Select(e => e.Id == "1013" ? e with { Email = "gus.other@example.com" } : e)
            .ToList();

        var result = Reconciler.Reconcile(applied with { Employees = fixedEmployees });

        Assert.Equal(
            [
                new UserLinkWrite(UserLinkKind.CreateAndLink, "gus.twin@example.com", "1012", null),
                new UserLinkWrite(UserLinkKind.CreateAndLink, "gus.other@example.com", "1013", null),
            ],
            result.Plan.UserLinkWrites);
        var update = Assert.Single(result.Plan.HibobUserWrites);
        Assert.Equal(HibobUserWriteKind.Update, update.Kind);
        Assert.Equal("gus.other@example.com", update.Entity.Properties.Email);
        Assert.Equal(LinkStatus.HiBobOnly, result.RowOf("1012").Status);
        Assert.Equal(LinkStatus.Matched, result.RowOf("1011").Status);
        Assert.Equal(LinkStatus.Leaver, result.RowOf("1010").Status);
    }

    [Fact]
    public void Reconcile_TreatsCaseVariantsAsOneEmail_WhenCheckingDuplicates() // B09 + B11
    {
        var input = Input([Active("1", "Kim@Example.com"), Active("2", " kim@example.COM")], [User("kim@example.com")]);

        var result = Reconciler.Reconcile(input);

        Assert.All(result.People.Where(r => r.Employee is not null),
            r => Assert.Equal(LinkStatus.DuplicateEmail, r.Status));
        Assert.Empty(result.Plan.UserLinkWrites);
        var portRow = result.PortRowOf("kim@example.com");
        Assert.Equal(
            "The active employees 1 and 2 share this email in HiBob, "
            + "so this Port user is not linked until each has their own email.",
            portRow.Reason);
    }

    private static ReconcileInput B11Input()
    {
        var fayOld = Inactive("1010", "fay.back@example.com", "Fay Back");
        var employees = new[]
        {
            fayOld,
            Active("1011", "fay.back@example.com", "Fay Back"),
            Active("1012", "gus.twin@example.com", "Gus Twin"),
            Active("1013", "GUS.twin@example.com ", "Gus Twin"),
            Active("1014", "hal.solo@example.com", "Hal Solo"),
        };
        return Input(employees, [User("fay.back@example.com", linkedTo: "1010")], [EntityOf(fayOld)]);
    }
}
