using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>One page of the people view.</summary>
/// <param name="Rows">The rows of the requested page, at most the page size.</param>
/// <param name="Total">How many rows match the criteria over all pages.</param>
/// <param name="ReadAt">When the snapshot the rows come from was read.</param>
public sealed record PeopleQueryResult(IReadOnlyList<PersonRow> Rows, int Total, DateTimeOffset ReadAt);
