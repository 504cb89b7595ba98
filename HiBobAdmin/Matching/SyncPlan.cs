namespace HiBobAdmin.Matching;

/// <summary>
/// What one sync will write, in order: every <c>hibob_user</c> write before any <c>_user</c> write, so that a
/// relation never points at an entity that does not exist yet.
/// </summary>
/// <param name="HibobUserWrites">Entities to create or update; unchanged ones are absent.</param>
/// <param name="UserLinkWrites">Relations to set on <c>_user</c> entities (creating the user where allowed).</param>
/// <param name="Skipped">Employees the sync leaves alone, each with the reason.</param>
/// <param name="Unchanged">How many existing entities and links already hold the desired values.</param>
public sealed record SyncPlan(
    IReadOnlyList<HibobUserWrite> HibobUserWrites,
    IReadOnlyList<UserLinkWrite> UserLinkWrites,
    IReadOnlyList<SkippedItem> Skipped,
    int Unchanged)
{
    public static SyncPlan Empty { get; } = new([], [], [], 0);

    /// <summary><c>hibob_user</c> entities whose employee HiBob no longer returns (only known after a full read).</summary>
    public IReadOnlyList<StaleEntity> StaleEntities { get; init; } = [];

    /// <summary>
    /// Stale entities this sync deletes, applied last; planned only with <c>Sync:RemoveStaleEntities</c> on and never
    /// for an entity a Port user still links to. A <c>_user</c> is never deleted.
    /// </summary>
    public IReadOnlyList<string> EntityRemovals { get; init; } = [];

    /// <summary>The removals, counted in one place for the change-volume guard.</summary>
    public int RemovalCount => EntityRemovals.Count;

    public int WriteCount => HibobUserWrites.Count + UserLinkWrites.Count + EntityRemovals.Count;
}

public enum HibobUserWriteKind
{
    /// <summary>No entity exists for this active employee.</summary>
    Create,

    /// <summary>The entity exists and differs from the employee's current values.</summary>
    Update,

    /// <summary>The employee is inactive: only the <c>state</c> property is written.</summary>
    StateOnly,
}

/// <summary>
/// One <c>hibob_user</c> upsert. For <see cref="HibobUserWriteKind.StateOnly"/> only the state is sent.
/// </summary>
public sealed record HibobUserWrite(HibobUserWriteKind Kind, HibobUserEntity Entity);

public enum UserLinkKind
{
    /// <summary>The Port user exists and has no relation.</summary>
    Link,

    /// <summary>The Port user exists and its relation points at another employee.</summary>
    Relink,

    /// <summary>No Port user exists: the write creates it (Port sends no invitation) and sets the relation.</summary>
    CreateAndLink,
}

/// <summary>Sets <c>_user.relations.hibob_user</c>; the write carries only the identifier and the relation.</summary>
/// <param name="Kind">Link, relink or create.</param>
/// <param name="PortUserIdentifier">
/// The existing identifier as Port spells it, or the normalised email for a create.
/// </param>
/// <param name="EmployeeId">The <c>hibob_user</c> identifier to point at.</param>
/// <param name="PreviousEmployeeId">The employee the relation pointed at before, for a relink.</param>
public sealed record UserLinkWrite(
    UserLinkKind Kind,
    string PortUserIdentifier,
    string EmployeeId,
    string? PreviousEmployeeId);

/// <summary>An employee or Port user that the sync does not write, with the reason in one sentence.</summary>
/// <param name="Subject">The HiBob employee id, or the email when there is no employee.</param>
/// <param name="Reason">Why it is skipped, for the run record and the UI.</param>
public sealed record SkippedItem(string Subject, string Reason);
