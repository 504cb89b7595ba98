using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Tests.Components.Pages.Layout;

/// <summary>
/// One organisation the page tests share. Active: Ana and Bo (matched, Bo's account Staged), Cy (HiBob only),
/// Dee (no email). Leavers: Eve (Port user still Active), Gus (no Port user). Port only: fin (Active), old
/// (Disabled). The plan creates Cy's Port user and entity and updates Ana's entity.
/// </summary>
internal static class KnownSnapshot
{
    public static readonly DateTimeOffset ReadAt = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    public static PeopleSnapshot Create() => new(
        [
            Row(Active("1", "Ana", "ana@example.com"), User("ana@example.com", "Active", "1"), LinkStatus.Matched),
            Row(Active("2", "Bo", "bo@example.com"), User("bo@example.com", "Staged", "2"), LinkStatus.Matched),
            Row(Active("3", "Cy", "cy@example.com"), null, LinkStatus.HiBobOnly, "No Port user has cy@example.com."),
            Row(Active("4", "Dee", null), null, LinkStatus.NoEmail, "HiBob employee 4 has no work email."),
            Row(Inactive("5", "Eve", "eve@example.com"), User("eve@example.com", "Active", "5"), LinkStatus.Leaver,
                "Eve is inactive in HiBob, but the Port user eve@example.com is still Active."),
            Row(Inactive("6", "Gus", "gus@example.com"), null, LinkStatus.Leaver),
            Row(null, User("fin@example.com", "Active", null), LinkStatus.PortOnly, "No HiBob employee has fin."),
            Row(null, User("old@example.com", "disabled", null), LinkStatus.PortOnly),
        ],
        ServiceAccounts: 1,
        ReadAt,
        new SyncPlan(
            [
                new HibobUserWrite(HibobUserWriteKind.Create, new HibobUserEntity("3", "Cy", new HibobUserProperties())),
                new HibobUserWrite(HibobUserWriteKind.Update, new HibobUserEntity("1", "Ana", new HibobUserProperties())),
            ],
            [new UserLinkWrite(UserLinkKind.CreateAndLink, "cy@example.com", "3", null)],
            [],
            Unchanged: 2));

    private static Employee Active(string id, string name, string? email) =>
        new() { Id = id, DisplayName = name, Email = email, IsActive = true };

    private static Employee Inactive(string id, string name, string? email) =>
        new() { Id = id, DisplayName = name, Email = email, IsActive = false };

    private static PortUser User(string identifier, string status, string? linkedTo) =>
        new(identifier, null, status, "Standard", linkedTo);

    private static PersonRow Row(Employee? employee, PortUser? user, LinkStatus status, string reason = "Test row.") =>
        new(employee, user, status, EmailAddress.Normalise(employee?.Email ?? user?.Identifier), reason);
}
