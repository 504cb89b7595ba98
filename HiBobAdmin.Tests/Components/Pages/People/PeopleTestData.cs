using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Tests.Components.Pages.People;

internal static class PeopleTestData
{
    public static readonly DateTimeOffset ReadAt = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    /// <summary>
    /// B18: 2,500 people u0001@example.com … u2500@example.com. Every fifth is Port only (500 rows), the rest are
    /// matched employees.
    /// </summary>
    public static PeopleSnapshot Large()
    {
        var rows = Enumerable.Range(1, 2500).Select(i =>
        {
            var email = $"u{i:D4}@example.com";
            return i % 5 == 0
                ? new PersonRow(null, new PortUser(email, null, "Active", "Standard", null), LinkStatus.PortOnly, email, "No employee.")
                : Matched($"{i:D4}", email);
        }).ToList();
        return new PeopleSnapshot(rows, 0, ReadAt, SyncPlan.Empty);
    }

    public static PeopleSnapshot Small(SyncPlan? plan = null, params PersonRow[] rows) =>
        new(rows, 0, ReadAt, plan ?? SyncPlan.Empty);

    public static Employee Employee(string id, string? email, bool active = true, string? name = null) =>
        new() { Id = id, Email = email, IsActive = active, DisplayName = name ?? $"Person {id}" };

    public static PersonRow Matched(string id, string email) =>
        new(Employee(id, email), new PortUser(email, null, "Active", "Standard", id), LinkStatus.Matched, email, "Linked.");

    public static PersonRow HiBobOnly(string id, string email) =>
        new(Employee(id, email), null, LinkStatus.HiBobOnly, email, "No Port user.");

    public static PersonRow PortOnly(string email, string status = "Active") =>
        new(null, new PortUser(email, null, status, "Standard", null), LinkStatus.PortOnly, email.ToLowerInvariant(), "No employee.");
}
