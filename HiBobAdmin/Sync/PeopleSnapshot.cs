using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>Both sides as last read, reconciled: what the pages show instead of calling the APIs on each view.</summary>
/// <param name="People">One row per person, with the link status.</param>
/// <param name="ServiceAccounts">Port service accounts, which are never matched and have no row.</param>
/// <param name="ReadAt">When both sides were read.</param>
/// <param name="Plan">What the next sync would write for this state (for "Explain" and previews).</param>
public sealed record PeopleSnapshot(
    IReadOnlyList<PersonRow> People,
    int ServiceAccounts,
    DateTimeOffset ReadAt,
    SyncPlan Plan)
{
    public int Count(LinkStatus status) => People.Count(p => p.Status == status);
}
