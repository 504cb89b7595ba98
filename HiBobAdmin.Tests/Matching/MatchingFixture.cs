using HiBobAdmin.Matching;

namespace HiBobAdmin.Tests.Matching;

/// <summary>
/// Builders for reconciler inputs, and a tiny in-memory "apply" that does what Port would do with a plan.
/// </summary>
internal static class MatchingFixture
{
    public static Employee Active(string id, string? email, string? name = null) =>
        new() { Id = id, Email = email, IsActive = true, DisplayName = name };

    public static Employee Inactive(string id, string? email, string? name = null) =>
        new() { Id = id, Email = email, IsActive = false, DisplayName = name, Status = "Inactive" };

    public static PortUser User(string identifier, string? linkedTo = null, string status = "Active") =>
        new(identifier, null, status, null, linkedTo);

    public static PortUser ServiceAccount(string identifier) =>
        new(identifier, "Deploy bot", "Active", "Service Account", null);

    /// <summary>The entity Port holds after an earlier sync wrote this employee's current values.</summary>
    public static HibobUserEntity EntityOf(Employee employee) => HibobUserMapper.FromEmployee(employee);

    public static ReconcileInput Input(
        IEnumerable<Employee> employees,
        IEnumerable<PortUser>? users = null,
        IEnumerable<HibobUserEntity>? entities = null,
        bool createMissingPortUsers = true) =>
        new([.. employees], [.. users ?? []], [.. entities ?? []], createMissingPortUsers);

    /// <summary>
    /// Applies a plan the way Port's merge upserts would: entities replaced (or only their state set), relations
    /// set on existing users, and created users added with the relation.
    /// </summary>
    public static ReconcileInput Apply(ReconcileInput input, SyncPlan plan)
    {
        var entities = input.HibobUsers.ToDictionary(e => e.Identifier, StringComparer.Ordinal);
        foreach (var write in plan.HibobUserWrites)
        {
            entities.TryGetValue(write.Entity.Identifier, out var existing);
            entities[write.Entity.Identifier] = write.Kind == HibobUserWriteKind.StateOnly && existing is not null
                ? existing with { Properties = existing.Properties with { State = write.Entity.Properties.State } }
                : write.Entity;
        }

        var users = input.PortUsers.ToList();
        foreach (var link in plan.UserLinkWrites)
        {
            var index = users.FindIndex(u => u.Identifier == link.PortUserIdentifier);
            if (link.Kind == UserLinkKind.CreateAndLink)
            {
                Assert.Equal(-1, index);
                users.Add(new PortUser(link.PortUserIdentifier, null, "Staged", null, link.EmployeeId));
            }
            else
            {
                Assert.NotEqual(-1, index);
                users[index] = users[index] with { LinkedEmployeeId = link.EmployeeId };
            }
        }

        return input with { PortUsers = users, HibobUsers = [.. entities.Values] };
    }

    public static PersonRow RowOf(this Reconciliation result, string employeeId) =>
        Assert.Single(result.People, r => r.Employee?.Id == employeeId);

    public static PersonRow PortRowOf(this Reconciliation result, string identifier) =>
        Assert.Single(result.People, r => r.Employee is null && r.PortUser?.Identifier == identifier);

    public static IEnumerable<HibobUserWrite> EntityWritesFor(this SyncPlan plan, string employeeId) =>
        plan.HibobUserWrites.Where(w => w.Entity.Identifier == employeeId);

    public static IEnumerable<UserLinkWrite> LinkWritesFor(this SyncPlan plan, string employeeId) =>
        plan.UserLinkWrites.Where(w => w.EmployeeId == employeeId);
}
