namespace HiBobAdmin.Sync;

/// <summary>Filters, sorts and pages the people of the current snapshot (the people grid's loader).</summary>
public interface IPeopleQuery
{
    /// <param name="criteria">What to narrow the rows to.</param>
    /// <param name="sort">The sort column, or null for the snapshot's order.</param>
    /// <param name="page">Zero-based page index.</param>
    /// <param name="pageSize">Rows per page.</param>
    /// <param name="cancellationToken">Cancels loading the snapshot when there is none yet.</param>
    Task<PeopleQueryResult> QueryAsync(
        PeopleCriteria criteria,
        PeopleSort? sort,
        int page,
        int pageSize,
        CancellationToken cancellationToken);
}
