using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

public sealed class ReconcilerTests
{
    [Fact]
    public void Reconcile_RowIsMatchedAndPlanEmpty_WhenRelationPointsAtEmployee()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = Input([ann], [User("ann@example.com", linkedTo: "1")], [EntityOf(ann)]);

        var result = Reconciler.Reconcile(input);

        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.Matched, row.Status);
        Assert.Equal("ann@example.com", row.PortUser?.Identifier);
        Assert.Equal("The Port user ann@example.com is linked to this employee.", row.Reason);
        Assert.Equal(0, result.Plan.WriteCount);
        Assert.Equal(2, result.Plan.Unchanged);
        Assert.Empty(result.Plan.Skipped);
    }

    [Fact]
    public void Reconcile_PlansLinkWithPortSpelling_WhenRelationIsMissing()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = Input([ann], [User("Ann@Example.com")], [EntityOf(ann)]);

        var result = Reconciler.Reconcile(input);

        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.PendingLink, row.Status);
        Assert.Equal("ann@example.com", row.NormalisedEmail);
        Assert.Equal(
            "The Port user Ann@Example.com has the same email but is not linked yet; the next sync links it.",
            row.Reason);
        Assert.Equal([new UserLinkWrite(UserLinkKind.Link, "Ann@Example.com", "1", null)], result.Plan.UserLinkWrites);
        Assert.Empty(result.Plan.HibobUserWrites);
    }

    [Fact]
    public void Reconcile_PlansRelink_WhenRelationPointsAtAnotherEmployee()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var bob = Active("2", "bob@example.com", "Bob");
        var input = Input([ann, bob], [User("ann@example.com", linkedTo: "2"), User("bob@example.com", "2")]);

        var result = Reconciler.Reconcile(input);

        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.PendingLink, row.Status);
        Assert.Equal(
            "The Port user ann@example.com has the same email but is linked to Bob (2); "
            + "the next sync links it to this employee.",
            row.Reason);
        Assert.Equal([new UserLinkWrite(UserLinkKind.Relink, "ann@example.com", "1", "2")], result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.Matched, result.RowOf("2").Status);
    }

    [Fact]
    public void Reconcile_PlansCreateAndLinkWithNormalisedEmail_WhenNoPortUserAndCreatingIsOn()
    {
        var ann = Active("1", " Ann@Example.com ", "Ann");

        var result = Reconciler.Reconcile(Input([ann]));

        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.HiBobOnly, row.Status);
        Assert.Null(row.PortUser);
        Assert.Equal(
            "No Port user has the email ann@example.com; the next sync creates one (Port sends no invitation) "
            + "and links it.",
            row.Reason);
        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.CreateAndLink, "ann@example.com", "1", null)],
            result.Plan.UserLinkWrites);
    }

    [Fact]
    public void Reconcile_SkipsWithReason_WhenNoPortUserAndCreatingIsOff()
    {
        var ann = Active("1", "ann@example.com", "Ann");

        var result = Reconciler.Reconcile(Input([ann], createMissingPortUsers: false));

        Assert.Equal(LinkStatus.HiBobOnly, result.RowOf("1").Status);
        Assert.Empty(result.Plan.UserLinkWrites);
        var skipped = Assert.Single(result.Plan.Skipped);
        Assert.Equal(
            new SkippedItem(
                "1",
                "No Port user has the email ann@example.com and creating users is off, so none is linked."),
            skipped);
    }

    [Fact]
    public void Reconcile_ListsPortOnlyRowAndWritesNothing_WhenNoEmployeeHasTheEmail()
    {
        var input = Input([], [new PortUser("fin.only@example.com", "Fin Only", "Active", null, null)]);

        var result = Reconciler.Reconcile(input);

        var row = Assert.Single(result.People);
        Assert.Equal(LinkStatus.PortOnly, row.Status);
        Assert.Null(row.Employee);
        Assert.Equal("fin.only@example.com", row.NormalisedEmail);
        Assert.Equal("No HiBob employee has the email fin.only@example.com.", row.Reason);
        Assert.Equal(0, result.Plan.WriteCount);
        Assert.Empty(result.Plan.Skipped);
    }

    [Fact]
    public void Reconcile_ShowsNoRowAndNeverMatches_WhenPortUserIsServiceAccount()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = Input([ann], [ServiceAccount("ann@example.com"), ServiceAccount("ci-bot@example.com")]);

        var result = Reconciler.Reconcile(input);

        var row = Assert.Single(result.People);
        Assert.Equal(LinkStatus.HiBobOnly, row.Status);
        Assert.Null(row.PortUser);

        // Creating "ann@example.com" would be an upsert onto the service account itself.
        Assert.Empty(result.Plan.UserLinkWrites);
    }

    [Fact]
    public void Reconcile_GivesEmailPortUserToLeaver_WhenNoActiveEmployeeHasTheEmail()
    {
        var ola = Inactive("7", "ola@example.com", "Ola") with { TerminationDate = "2025-01-31" };
        var input = Input([ola], [User("ola@example.com", status: "Invited")], [EntityOf(ola)]);

        var result = Reconciler.Reconcile(input);

        var row = result.RowOf("7");
        Assert.Equal(LinkStatus.Leaver, row.Status);
        Assert.Equal("ola@example.com", row.PortUser?.Identifier);
        Assert.Equal(
            "Ola is inactive in HiBob (termination date 2025-01-31), "
            + "but the Port user ola@example.com is still Invited.",
            row.Reason);
        Assert.Equal(0, result.Plan.WriteCount);
        Assert.Equal(1, result.Plan.Unchanged);
    }

    [Fact]
    public void Reconcile_ExplainsLeaverWithoutAccess_WhenPortUserIsDisabled()
    {
        var ola = Inactive("7", "ola@example.com", "Ola");
        var input = Input([ola], [User("ola@example.com", linkedTo: "7", status: "Disabled")]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal("Ola is inactive in HiBob; the Port user ola@example.com is Disabled.", result.RowOf("7").Reason);
    }

    [Fact]
    public void Reconcile_ShowsLeaverNotNoEmail_WhenInactiveEmployeeHasNoUsableEmail()
    {
        var input = Input([Inactive("7", null, "Ola"), Inactive("8", "o'hara@example.com", "Oda")]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(LinkStatus.Leaver, result.RowOf("7").Status);
        Assert.Equal(LinkStatus.Leaver, result.RowOf("8").Status);
        Assert.Equal(
            [
                new SkippedItem("7", "Inactive in HiBob and not in Port: not created."),
                new SkippedItem("8", "Inactive in HiBob and not in Port: not created."),
            ],
            result.Plan.Skipped);
    }

    [Fact]
    public void Reconcile_KeepsLinkAndCreatesNoSecondUser_WhenEmployeeEmailChanged()
    {
        var ann = Active("1", "ann.new@example.com", "Ann");
        var input = Input([ann], [User("ann.old@example.com", linkedTo: "1")], [EntityOf(ann)]);

        var result = Reconciler.Reconcile(input);

        var row = Assert.Single(result.People);
        Assert.Equal("1", row.Employee?.Id);
        Assert.Equal(LinkStatus.EmailChanged, row.Status);
        Assert.Equal("ann.old@example.com", row.PortUser?.Identifier);
        Assert.Equal(
            "HiBob's email is now ann.new@example.com, but the Port user ann.old@example.com is linked to this "
            + "employee. Port cannot rename a user, so the link is kept and no second Port user is created.",
            row.Reason);
        Assert.Empty(result.Plan.UserLinkWrites);
        Assert.Empty(result.Plan.HibobUserWrites);
    }

    [Fact]
    public void Reconcile_KeepsPortUserWithActiveEmployee_WhenLeaverHasItsEmail()
    {
        var rehired = Active("2", "ann.new@example.com", "Ann");
        var former = Inactive("1", "ann.old@example.com", "Ann");
        var input = Input([former, rehired], [User("ann.old@example.com", linkedTo: "2")]);

        var result = Reconciler.Reconcile(input);

        Assert.Null(result.RowOf("1").PortUser);
        Assert.Equal("ann.old@example.com", result.RowOf("2").PortUser?.Identifier);
        Assert.Equal(LinkStatus.EmailChanged, result.RowOf("2").Status);
        Assert.Empty(result.Plan.UserLinkWrites);
    }

    [Fact]
    public void Reconcile_ExplainsPortOnlyRow_WhenOnlyLeaverHasEmailAndLinkPointsAtActiveEmployee()
    {
        var ann = Active("2", "ann.new@example.com", "Ann");
        var former = Inactive("1", "ann.old@example.com", "Ann");
        var users = new[] { User("ann.new@example.com", linkedTo: "2"), User("ann.old@example.com", linkedTo: "2") };

        var result = Reconciler.Reconcile(Input([former, ann], users));

        Assert.Null(result.RowOf("1").PortUser);
        Assert.Equal(
            "Only inactive HiBob employees have the email ann.old@example.com. Its link to Ann (2) is left as it is.",
            result.PortRowOf("ann.old@example.com").Reason);
    }

    [Fact]
    public void Reconcile_AttachesManualLink_WhenEmployeeEmailIsUnmappable()
    {
        var ona = Active("3", "o'neil@example.com", "Ona");
        var input = Input([ona], [User("oneil@example.com", linkedTo: "3")]);

        var result = Reconciler.Reconcile(input);

        var row = Assert.Single(result.People);
        Assert.Equal(LinkStatus.UnmappableEmail, row.Status);
        Assert.Equal("oneil@example.com", row.PortUser?.Identifier);
        Assert.Empty(result.Plan.UserLinkWrites);
    }

    [Fact]
    public void Reconcile_LeavesLinkAlone_WhenPortUserPointsAtEmployeeMatchedElsewhere()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var users = new[] { User("ann@example.com", linkedTo: "1"), User("ann.old@example.com", linkedTo: "1") };
        var input = Input([ann], users, [EntityOf(ann)]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(LinkStatus.Matched, result.RowOf("1").Status);
        var stale = result.PortRowOf("ann.old@example.com");
        Assert.Equal(LinkStatus.PortOnly, stale.Status);
        Assert.Equal(
            "No HiBob employee has the email ann.old@example.com. Its link to Ann (1) is left as it is.",
            stale.Reason);
        Assert.Equal(0, result.Plan.WriteCount);
    }

    [Fact]
    public void Reconcile_ExplainsUnknownLink_WhenPortUserPointsAtMissingEmployee()
    {
        var input = Input([], [User("gone@example.com", linkedTo: "404")]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            "No HiBob employee has the email gone@example.com. "
            + "Its link to HiBob id 404, which HiBob did not return, is left as it is.",
            result.PortRowOf("gone@example.com").Reason);
        Assert.Equal(0, result.Plan.WriteCount);
    }

    [Fact]
    public void Reconcile_PrefersExactSpelling_WhenPortHoldsCaseVariants()
    {
        var ann = Active("1", "Ann@Example.com", "Ann");
        var input = Input([ann], [User("Ann@Example.com"), User("ann@example.com")], [EntityOf(ann)]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal("ann@example.com", result.RowOf("1").PortUser?.Identifier);
        Assert.Equal([new UserLinkWrite(UserLinkKind.Link, "ann@example.com", "1", null)], result.Plan.UserLinkWrites);
        var variant = result.PortRowOf("Ann@Example.com");
        Assert.Equal(LinkStatus.PortOnly, variant.Status);
        Assert.Equal(
            "Ann@Example.com is a case variant of the Port user ann@example.com, which is the one used for matching; "
            + "it is left as it is.",
            variant.Reason);
    }

    [Fact]
    public void Reconcile_PrefersVariantLinkedToOwner_WhenPortHoldsCaseVariants()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = Input([ann], [User("ann@example.com"), User("ANN@example.com", linkedTo: "1")], [EntityOf(ann)]);

        var result = Reconciler.Reconcile(input);

        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.Matched, row.Status);
        Assert.Equal("ANN@example.com", row.PortUser?.Identifier);
        Assert.Equal(LinkStatus.PortOnly, result.PortRowOf("ann@example.com").Status);
        Assert.Equal(0, result.Plan.WriteCount);
    }

    [Fact]
    public void Reconcile_TakesFirstOrdinalVariant_WhenNoVariantIsLinkedOrExact()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = Input([ann], [User("Ann@example.com"), User("ANN@example.com")], [EntityOf(ann)]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal([new UserLinkWrite(UserLinkKind.Link, "ANN@example.com", "1", null)], result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.PortOnly, result.PortRowOf("Ann@example.com").Status);
    }

    [Fact]
    public void Reconcile_PlansUpdate_WhenEntityDiffersFromEmployee()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var stale = EntityOf(ann with { DisplayName = "Ann Old" });
        var input = Input([ann], [User("ann@example.com", linkedTo: "1")], [stale]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            [new HibobUserWrite(HibobUserWriteKind.Update, HibobUserMapper.FromEmployee(ann))],
            result.Plan.HibobUserWrites);
        Assert.Equal(1, result.Plan.Unchanged);
    }

    [Fact]
    public void Reconcile_CountsInactiveEntityUnchanged_WhenStateIsAlreadyInactive()
    {
        var ola = Inactive("7", "ola@example.com", "Ola");
        var input = Input([ola], entities: [EntityOf(ola)]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(0, result.Plan.WriteCount);
        Assert.Equal(1, result.Plan.Unchanged);
        Assert.Equal("Ola is inactive in HiBob and has no Port user.", result.RowOf("7").Reason);
    }

    [Fact]
    public void Reconcile_UsesFirstRecordAndSaysSo_WhenHiBobRepeatsAnId()
    {
        var ann = Active("1", "ann@example.com", "Ann");

        var result = Reconciler.Reconcile(Input([ann, ann with { Email = "other@example.com" }]));

        Assert.Equal("ann@example.com", Assert.Single(result.People).NormalisedEmail);
        Assert.Contains(
            new SkippedItem("1", "HiBob returned this employee id more than once; only the first record is used."),
            result.Plan.Skipped);
    }

    [Fact]
    public void Reconcile_OrdersRowsByStatusThenNameThenId_WhenRowsAreMixed()
    {
        var employees = new[]
        {
            Inactive("9", "zed@example.com", "Zed"),
            Active("5", "bea@example.com", "bea"),
            Active("4", "abe@example.com", "Abe"),
            Active("3", null, "Cal"),
            Active("2", "dup@example.com", "Dee"),
            Active("1", "DUP@example.com", "Dee"),
            Active("6", "eve@example.com", "Eve"),
        };
        var users = new[] { User("eve@example.com", linkedTo: "6"), User("port.only@example.com") };

        var result = Reconciler.Reconcile(Input(employees, users));

        var order = result.People.Select(r => (r.Status, r.Employee?.Id ?? r.PortUser!.Identifier)).ToList();
        Assert.Equal(
            [
                (LinkStatus.Matched, "6"),
                (LinkStatus.HiBobOnly, "4"),
                (LinkStatus.HiBobOnly, "5"),
                (LinkStatus.PortOnly, "port.only@example.com"),
                (LinkStatus.DuplicateEmail, "1"),
                (LinkStatus.DuplicateEmail, "2"),
                (LinkStatus.NoEmail, "3"),
                (LinkStatus.Leaver, "9"),
            ],
            order);
    }

    [Fact]
    public void Reconcile_ReturnsSameResult_WhenInputOrderChanges()
    {
        var employees = new[]
        {
            Active("1", "ann@example.com", "Ann"), Active("2", "ANN@example.com", "Ann"),
            Inactive("3", "bob@example.com", "Bob"), Inactive("4", "bob@example.com", "Bob"),
        };
        var users = new[] { User("bob@example.com"), User("Ann@example.com"), User("x@example.com") };

        var forward = Reconciler.Reconcile(Input(employees, users));
        var backward = Reconciler.Reconcile(Input(employees.Reverse(), users.Reverse()));

        Assert.Equal(forward.People, backward.People);
        Assert.Equal("3", forward.People.Single(r => r.PortUser?.Identifier == "bob@example.com").Employee?.Id);
    }
}
