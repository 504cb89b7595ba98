namespace HiBobAdmin.Sync;

/// <summary>One sort column and its direction; without one, rows keep the snapshot's order (status, name, id).</summary>
public sealed record PeopleSort(PeopleSortKey Key, bool Descending);
