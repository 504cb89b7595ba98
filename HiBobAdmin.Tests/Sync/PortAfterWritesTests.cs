using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Tests.Sync;

/// <summary>How accepted writes are laid over what was read (decision 0051): Port's merge rules, one entity at a time.</summary>
public sealed class PortAfterWritesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private static readonly HibobUserEntity Ada = new("1001", "Ada Eriksen", new HibobUserProperties
    {
        Id = "1001",
        DisplayName = "Ada Eriksen",
        Department = "Platform",
        State = "Active",
    });

    [Fact]
    public void StateOnlyWrite_ChangesTheStateAndKeepsEveryOtherValue()
    {
        var writes = new PortAfterWrites();
        writes.Accepted(new HibobUserWrite(HibobUserWriteKind.StateOnly, HibobUserMapper.StateOnly("1001", active: false)));

        var after = writes.ApplyTo(State([Ada], []), [], Now);

        var entity = Assert.Single(after.HibobUsers);
        Assert.Equal(Ada with { Properties = Ada.Properties with { State = HibobUserMapper.InactiveState } }, entity);
    }

    [Fact]
    public void FullWrite_ReplacesEveryProperty_AndKeepsPortsTitleWhenItSendsNone()
    {
        var sent = new HibobUserEntity("1001", null, new HibobUserProperties { Id = "1001", State = "Active" });
        var writes = new PortAfterWrites();
        writes.Accepted(new HibobUserWrite(HibobUserWriteKind.Update, sent));

        var after = writes.ApplyTo(State([Ada], []), [], Now);

        Assert.Equal(sent with { Title = "Ada Eriksen" }, Assert.Single(after.HibobUsers));
    }

    [Fact]
    public void RemovedAndUntouchedEntities_AreLeftOutAndKept_InTheOrderRead()
    {
        var bo = Ada with { Identifier = "1002" };
        var cy = Ada with { Identifier = "1003" };
        var created = Ada with { Identifier = "1004" };
        var writes = new PortAfterWrites();
        writes.Removed("1001");
        writes.Accepted(new HibobUserWrite(HibobUserWriteKind.Create, created));

        var after = writes.ApplyTo(State([Ada, bo, cy], []), [], Now);

        Assert.Equal([bo, cy, created], after.HibobUsers);
        Assert.Equal(Now, after.ReadAt);
    }

    [Fact]
    public void Links_SetTheRelation_AndACreatedUserIsShownAsPortReturnedIt()
    {
        var existing = new PortUser("bo@example.com", "Bo", "Active", "Standard", LinkedEmployeeId: null);
        var returned = new PortUser("cy@example.com", null, "Staged", "Standard", "1003");
        var writes = new PortAfterWrites();
        writes.Accepted(new UserLinkWrite(UserLinkKind.Link, "bo@example.com", "1002", PreviousEmployeeId: null));
        writes.Accepted(new UserLinkWrite(UserLinkKind.CreateAndLink, "cy@example.com", "1003", PreviousEmployeeId: null));
        writes.Accepted(new UserLinkWrite(UserLinkKind.CreateAndLink, "di@example.com", "1004", PreviousEmployeeId: null));

        var after = writes.ApplyTo(State([], [existing]), [returned], Now);

        Assert.Equal(["cy@example.com", "di@example.com"], writes.CreatedUsers);
        Assert.Equal(
            [
                existing with { LinkedEmployeeId = "1002" },
                returned,
                new PortUser("di@example.com", Title: null, Status: null, PortType: null, LinkedEmployeeId: "1004"),
            ],
            after.PortUsers);
    }

    private static SyncState State(IReadOnlyList<HibobUserEntity> entities, IReadOnlyList<PortUser> users) =>
        new([], [], users, entities, Now.AddMinutes(-5));
}
