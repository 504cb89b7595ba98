using HiBobAdmin.Storage;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Tests.Sync;

public sealed class PlanDifferenceTests
{
    private static SyncRunItem Planned(SyncItemAction action, string subject, string? message = null) =>
        new() { Action = action, Subject = subject, Outcome = SyncItemOutcome.Planned, Message = message };

    [Fact]
    public void Between_CountsAddedAndGoneChanges_AndIgnoresSkippedItems()
    {
        SyncRunItem[] preview =
        [
            Planned(SyncItemAction.CreateEntity, "1"),
            Planned(SyncItemAction.UpdateEntity, "2", "displayName: \"A\" → \"B\""),
            new() { Action = SyncItemAction.Skip, Subject = "9", Outcome = SyncItemOutcome.Skipped },
        ];
        SyncRunItem[] now =
        [
            Planned(SyncItemAction.CreateEntity, "1"),
            Planned(SyncItemAction.UpdateEntity, "2", "displayName: \"A\" → \"C\""),
            Planned(SyncItemAction.LinkUser, "x@example.com"),
        ];

        var difference = PlanDifference.Between(preview, now);

        Assert.Equal(new PlanDifference(2, 1), difference);
        Assert.Equal("2 changes added, 1 no longer needed", difference.Describe());
    }

    [Fact]
    public void Between_IsNone_ForTheSamePlan()
    {
        SyncRunItem[] plan = [Planned(SyncItemAction.CreateEntity, "1"), Planned(SyncItemAction.MarkInactive, "2")];

        Assert.True(PlanDifference.Between(plan, [.. plan.Reverse()]).IsNone);
    }
}
