using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

/// <summary>Manual links, ignore entries, email changes, rehires and stale entities (issue 4).</summary>
public sealed class ReconcilerDecisionTests
{
    private static readonly DateTimeOffset Made = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static ReconcileInput WithDecisions(
        ReconcileInput input,
        IEnumerable<ManualLink>? links = null,
        IEnumerable<IgnoreEntry>? ignores = null,
        DateTimeOffset? now = null) =>
        input with { Decisions = new([.. links ?? []], [.. ignores ?? []], now ?? Made) };

    [Fact]
    public void Reconcile_LinksManually_WhenPortUserHasAnotherEmail()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = WithDecisions(
            Input([ann], [User("annie@contractor.io"), User("ann@example.com")], [EntityOf(ann)]),
            [new ManualLink("1", "annie@contractor.io", "hr@example.com", Made)]);

        var result = Reconciler.Reconcile(input);

        var row = result.RowOf("1");
        Assert.Equal(LinkStatus.PendingLink, row.Status);
        Assert.Equal("annie@contractor.io", row.PortUser?.Identifier);
        Assert.Equal(new RowDecision(RowDecisionKind.ManualLink, "hr@example.com", Made), row.Decision);
        Assert.EndsWith("Linked manually by hr@example.com on 2026-12-01.", row.Reason);
        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Link, "annie@contractor.io", "1", null)],
            result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.PortOnly, result.PortRowOf("ann@example.com").Status);
    }

    [Fact]
    public void Reconcile_KeepsManualLinkOnEverySync_WhenEmailMatchWouldRelinkIt()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var link = new ManualLink("1", "annie@contractor.io", "hr@example.com", Made);
        var input = WithDecisions(
            Input([ann], [User("annie@contractor.io", linkedTo: "1"), User("ann@example.com")], [EntityOf(ann)]),
            [link]);

        var first = Reconciler.Reconcile(input);
        var second = Reconciler.Reconcile(Apply(input, first.Plan));

        Assert.Equal(0, first.Plan.WriteCount);
        Assert.Equal(0, second.Plan.WriteCount);
        Assert.Equal(LinkStatus.Matched, second.RowOf("1").Status);
        Assert.Equal("annie@contractor.io", second.RowOf("1").PortUser?.Identifier);
    }

    [Fact]
    public void Reconcile_RelinksManualTarget_WhenItPointsAtAnotherEmployee()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = WithDecisions(
            Input([ann], [User("shared@example.com", linkedTo: "7")], [EntityOf(ann)]),
            [new ManualLink("1", "shared@example.com", "hr@example.com", Made)]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Relink, "shared@example.com", "1", "7")],
            result.Plan.UserLinkWrites);
    }

    [Fact]
    public void Reconcile_CreatesNoTwin_WhenOwnerOfEmailIsLinkedManuallyToSomeoneElse()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var bob = Active("2", "bob@example.com", "Bob");
        var input = WithDecisions(
            Input([ann, bob], [User("bob@example.com")], [EntityOf(ann), EntityOf(bob)]),
            [new ManualLink("1", "bob@example.com", "hr@example.com", Made)]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Link, "bob@example.com", "1", null)],
            result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.HiBobOnly, result.RowOf("2").Status);
        Assert.Contains(result.Plan.Skipped, s => s.Subject == "2" && s.Reason.Contains("linked manually", StringComparison.Ordinal));
    }

    [Fact]
    public void Reconcile_IgnoresManualLink_WhenPortUserIsGone()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var input = WithDecisions(
            Input([ann], [User("ann@example.com")], [EntityOf(ann)]),
            [new ManualLink("1", "gone@example.com", "hr@example.com", Made)]);

        var result = Reconciler.Reconcile(input);

        Assert.Null(result.RowOf("1").Decision);
        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Link, "ann@example.com", "1", null)],
            result.Plan.UserLinkWrites);
    }

    [Fact]
    public void Reconcile_ShowsExpectedAndLeavesQueue_UntilIgnoreEntryExpires()
    {
        var entry = new IgnoreEntry("ci-bot@example.com", "Test account", Made.AddDays(30), "ops@example.com", Made);
        var input = Input([], [User("ci-bot@example.com")]);

        var before = Reconciler.Reconcile(WithDecisions(input, ignores: [entry], now: Made.AddDays(29)));
        var after = Reconciler.Reconcile(WithDecisions(input, ignores: [entry], now: Made.AddDays(30)));

        var expected = before.PortRowOf("ci-bot@example.com");
        Assert.Equal(LinkStatus.Expected, expected.Status);
        Assert.Equal(
            "Expected until 2026-12-31: Test account (marked by ops@example.com on 2026-12-01).",
            expected.Reason);
        Assert.Equal(Made.AddDays(30), expected.Decision?.ExpiresAt);
        Assert.Empty(ReviewQueues.Filter(before.People, ReviewQueue.PortUsersWithoutEmployee));
        var returned = after.PortRowOf("ci-bot@example.com");
        Assert.Equal(LinkStatus.PortOnly, returned.Status);
        Assert.Null(returned.Decision);
        Assert.Single(ReviewQueues.Filter(after.People, ReviewQueue.PortUsersWithoutEmployee));
    }

    [Fact]
    public void Reconcile_UpdatesEntityEmailOnly_WhenLinkedEmployeeEmailChanged()
    {
        var before = Active("1", "ann.old@example.com", "Ann");
        var now = before with { Email = "ann.new@example.com" };
        var input = Input([now], [User("ann.old@example.com", linkedTo: "1")], [EntityOf(before)]);

        var result = Reconciler.Reconcile(input);

        var write = Assert.Single(result.Plan.HibobUserWrites);
        Assert.Equal(HibobUserWriteKind.Update, write.Kind);
        Assert.Equal(EntityOf(before) with { Properties = EntityOf(before).Properties with { Email = "ann.new@example.com" } },
            write.Entity);
        Assert.Empty(result.Plan.UserLinkWrites);
        Assert.Equal(LinkStatus.EmailChanged, result.RowOf("1").Status);
        Assert.Contains(result.RowOf("1"), ReviewQueues.Filter(result.People, ReviewQueue.UnmatchedEmployees));
    }

    [Fact]
    public void Reconcile_MovesLinkToNewRecord_WhenEmployeeIsRehired()
    {
        var former = Inactive("1", "fay@example.com", "Fay");
        var rehired = Active("2", "Fay@example.com", "Fay");
        var input = Input(
            [former, rehired],
            [User("fay@example.com", linkedTo: "1", status: "Disabled")],
            [EntityOf(former with { IsActive = true })]);

        var result = Reconciler.Reconcile(input);

        Assert.Equal(
            [
                new HibobUserWrite(HibobUserWriteKind.StateOnly, HibobUserMapper.StateOnly("1", active: false)),
                new HibobUserWrite(HibobUserWriteKind.Create, EntityOf(rehired)),
            ],
            result.Plan.HibobUserWrites);
        Assert.Equal(
            [new UserLinkWrite(UserLinkKind.Relink, "fay@example.com", "2", "1")],
            result.Plan.UserLinkWrites);
        Assert.StartsWith("Rehired: the Port user fay@example.com", result.RowOf("2").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reconcile_ListsStaleEntities_AndPlansRemovalOnlyWhenOptedIn()
    {
        var ann = Active("1", "ann@example.com", "Ann");
        var gone = Active("8", "gone@example.com", "Gone");
        var linkedGone = Active("9", "kept@example.com", "Kept");
        var input = Input(
            [ann],
            [User("ann@example.com", linkedTo: "1"), User("kept@example.com", linkedTo: "9")],
            [EntityOf(ann), EntityOf(gone), EntityOf(linkedGone)]) with
        { EntitiesComplete = true };

        var listed = Reconciler.Reconcile(input);
        var removing = Reconciler.Reconcile(input with { RemoveStaleEntities = true });
        var partial = Reconciler.Reconcile(input with { EntitiesComplete = false, RemoveStaleEntities = true });

        Assert.Equal(["8", "9"], listed.Plan.StaleEntities.Select(e => e.Identifier));
        Assert.Equal(["kept@example.com"], listed.Plan.StaleEntities[1].LinkedPortUsers);
        Assert.Equal(0, listed.Plan.RemovalCount);
        Assert.Equal(["8"], removing.Plan.EntityRemovals);
        Assert.Equal(1, removing.Plan.RemovalCount);
        Assert.Equal(1, removing.Plan.WriteCount);
        Assert.Empty(partial.Plan.StaleEntities);
    }
}
