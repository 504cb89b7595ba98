using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>Both sides as read for one run.</summary>
public sealed record SyncState(
    IReadOnlyList<Employee> Employees,
    IReadOnlyList<SkippedItem> UnreadableEmployees,
    IReadOnlyList<PortUser> PortUsers,
    IReadOnlyList<HibobUserEntity> HibobUsers,
    DateTimeOffset ReadAt)
{
    /// <summary>
    /// The <c>hibob_user</c> identifiers this state covers: null for a full read, the employee ids for a
    /// single-user read (Port users are always read in full so that case variants of an email are seen).
    /// </summary>
    public IReadOnlyCollection<string>? EntityScope { get; init; }

    /// <summary>The admins' manual links and ignore entries, read with both sides.</summary>
    public ManualDecisions Decisions { get; init; } = ManualDecisions.None;

    public ReconcileInput ToInput(SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new(Employees, PortUsers, HibobUsers, options.CreateMissingPortUsers)
        {
            Decisions = Decisions,
            EntitiesComplete = EntityScope is null,
            ProtectedAccounts = [.. options.ProtectedAccounts],
            RemoveStaleEntities = options.RemoveStaleEntities,
        };
    }

    public PeopleSnapshot ToSnapshot(Reconciliation reconciliation)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        return new(reconciliation.People, PortUsers.Count(u => u.IsServiceAccount), ReadAt, reconciliation.Plan);
    }
}
