using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>Both sides as last read, reconciled: what the pages show instead of calling the APIs on each view.</summary>
public sealed record PeopleSnapshot(
    IReadOnlyList<PersonRow> People,
    int ServiceAccounts,
    DateTimeOffset ReadAt)
{
    public int Count(LinkStatus status) => People.Count(p => p.Status == status);
}
