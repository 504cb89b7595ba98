using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

public sealed class ReviewQueuesTests
{
    [Theory]
    [InlineData(ReviewQueue.UnmatchedEmployees, "Unmatched employees")]
    [InlineData(ReviewQueue.PortUsersWithoutEmployee, "Port users without an employee")]
    [InlineData(ReviewQueue.DisabledAndStagedAccounts, "Disabled and staged accounts")]
    [InlineData(ReviewQueue.LeaversWithAccess, "Leavers with access")]
    public void DisplayName_UsesDesignWords_ForEachQueue(ReviewQueue queue, string expected)
    {
        var name = ReviewQueues.DisplayName(queue);

        Assert.Equal(expected, name);
    }

    [Theory]
    [InlineData(LinkStatus.HiBobOnly)]
    [InlineData(LinkStatus.DuplicateEmail)]
    [InlineData(LinkStatus.NoEmail)]
    [InlineData(LinkStatus.UnmappableEmail)]
    public void Of_IsUnmatchedEmployees_WhenTheEmployeeCannotBeLinked(LinkStatus status)
    {
        var row = new PersonRow(Active("1", "a@example.com"), null, status, "a@example.com", "Reason.");

        var queues = ReviewQueues.Of(row);

        Assert.Equal([ReviewQueue.UnmatchedEmployees], queues);
    }

    [Theory]
    [InlineData(LinkStatus.Matched)]
    [InlineData(LinkStatus.PendingLink)]
    public void Of_IsEmpty_WhenAnActiveUserIsOrWillBeLinked(LinkStatus status)
    {
        var row = new PersonRow(Active("1", "a@example.com"), User("a@example.com", "1"), status, "a@example.com", "");

        var queues = ReviewQueues.Of(row);

        Assert.Empty(queues);
    }

    [Fact]
    public void Of_IsPortUsersWithoutEmployee_WhenThePortUserIsPortOnly()
    {
        var row = new PersonRow(null, User("fin@example.com"), LinkStatus.PortOnly, "fin@example.com", "");

        var queues = ReviewQueues.Of(row);

        Assert.Equal([ReviewQueue.PortUsersWithoutEmployee], queues);
    }

    [Theory]
    [InlineData("Disabled")]
    [InlineData("disabled")]
    [InlineData("STAGED")]
    [InlineData("Staged")]
    public void Of_IsDisabledAndStaged_WhenTheAccountStatusSaysSo_IgnoringCase(string status)
    {
        var row = new PersonRow(
            Active("1", "a@example.com"), User("a@example.com", "1", status), LinkStatus.Matched, "a@example.com", "");

        var queues = ReviewQueues.Of(row);

        Assert.Equal([ReviewQueue.DisabledAndStagedAccounts], queues);
    }

    [Fact]
    public void Of_IsInTwoQueues_WhenAPortOnlyUserIsDisabled()
    {
        var row = new PersonRow(null, User("old@example.com", status: "Disabled"), LinkStatus.PortOnly, null, "");

        var queues = ReviewQueues.Of(row);

        Assert.Equal([ReviewQueue.PortUsersWithoutEmployee, ReviewQueue.DisabledAndStagedAccounts], queues);
    }

    [Theory]
    [InlineData("Active", true)]
    [InlineData("invited", true)]
    [InlineData("Disabled", false)]
    [InlineData("Staged", false)]
    public void Of_IsLeaversWithAccess_OnlyWhenTheLeaversPortUserCanSignIn(string status, bool expected)
    {
        var row = new PersonRow(
            Inactive("7", "gone@example.com"), User("gone@example.com", "7", status), LinkStatus.Leaver, null, "");

        var queues = ReviewQueues.Of(row);

        Assert.Equal(expected, queues.Contains(ReviewQueue.LeaversWithAccess));
    }

    [Fact]
    public void Of_IsEmpty_WhenALeaverHasNoPortUser()
    {
        var row = new PersonRow(Inactive("7", "gone@example.com"), null, LinkStatus.Leaver, "gone@example.com", "");

        var queues = ReviewQueues.Of(row);

        Assert.Empty(queues);
    }

    [Fact]
    public void Filter_KeepsTheRowsOfOneQueue_InTheirOrder_WhenReconciled()
    {
        var result = Reconciler.Reconcile(Input(
            [
                Active("1", "ana@example.com", "Ana"),
                Active("2", "bo@example.com", "Bo"),
                Active("3", null, "Cy"),
                Inactive("4", "dee@example.com", "Dee"),
            ],
            [User("ana@example.com", "1"), User("dee@example.com", "4", "Active"), User("fin@example.com")]));

        var unmatched = ReviewQueues.Filter(result.People, ReviewQueue.UnmatchedEmployees);
        var leavers = ReviewQueues.Filter(result.People, ReviewQueue.LeaversWithAccess);
        var portOnly = ReviewQueues.Filter(result.People, ReviewQueue.PortUsersWithoutEmployee);

        Assert.Equal(["Bo", "Cy"], unmatched.Select(r => r.Employee!.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Dee", Assert.Single(leavers).Employee!.Name);
        Assert.Equal("fin@example.com", Assert.Single(portOnly).PortUser!.Identifier);
    }

    [Fact]
    public void PlannedChanges_CountsTheQueuesLinksAndCreations_NotTheRestOfThePlan()
    {
        var result = Reconciler.Reconcile(Input(
            [
                Active("1", "ana@example.com", "Ana"),
                Active("2", "bo@example.com", "Bo"),
                Active("3", "cy@example.com", "Cy"),
            ],
            [User("ana@example.com", null, "Staged"), User("cy@example.com", "3")]));
        var unmatched = ReviewQueues.Filter(result.People, ReviewQueue.UnmatchedEmployees);
        var staged = ReviewQueues.Filter(result.People, ReviewQueue.DisabledAndStagedAccounts);

        var forUnmatched = ReviewQueues.PlannedChanges(unmatched, result.Plan);
        var forStaged = ReviewQueues.PlannedChanges(staged, result.Plan);

        Assert.Equal(new QueueChanges(0, 0, 1, 1, 5), forUnmatched);
        Assert.Equal(2, forUnmatched.Total);
        Assert.Equal(3, forUnmatched.OtherWrites);
        Assert.Equal(new QueueChanges(1, 0, 0, 1, 5), forStaged);
    }
}
