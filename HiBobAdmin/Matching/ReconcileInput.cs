namespace HiBobAdmin.Matching;

/// <summary>Everything the reconciler looks at: both sides as read, and the policy switches.</summary>
public sealed record ReconcileInput(
    IReadOnlyList<Employee> Employees,
    IReadOnlyList<PortUser> PortUsers,
    IReadOnlyList<HibobUserEntity> HibobUsers,
    bool CreateMissingPortUsers)
{
    /// <summary>Manual links and ignore entries, with the clock their expiry is judged by.</summary>
    public ManualDecisions Decisions { get; init; } = ManualDecisions.None;

    /// <summary>
    /// True when <see cref="HibobUsers"/> holds every entity (a full read), so one without an employee is stale.
    /// </summary>
    public bool EntitiesComplete { get; init; }

    /// <summary><c>Sync:ProtectedAccounts</c>: emails whose Port users a sync never changes (Port admins never are).</summary>
    public IReadOnlyCollection<string> ProtectedAccounts { get; init; } = [];

    /// <summary><c>Sync:RemoveStaleEntities</c>: plan removing stale entities no Port user links to.</summary>
    public bool RemoveStaleEntities { get; init; }
}
