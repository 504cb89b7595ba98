namespace HiBobAdmin.Matching;

/// <summary>Everything the reconciler looks at: both sides as read, and the policy switches.</summary>
public sealed record ReconcileInput(
    IReadOnlyList<Employee> Employees,
    IReadOnlyList<PortUser> PortUsers,
    IReadOnlyList<HibobUserEntity> HibobUsers,
    bool CreateMissingPortUsers);
