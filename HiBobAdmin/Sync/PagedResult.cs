namespace HiBobAdmin.Sync;

/// <summary>One page of a longer list, with the count over all pages.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);
