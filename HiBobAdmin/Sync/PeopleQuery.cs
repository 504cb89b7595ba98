using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>
/// Answers the people grid over every row of the snapshot, never over the page the browser holds (bug case B18:
/// a search must find a person who is on another page). Reads the shared snapshot; never calls the APIs itself
/// unless no snapshot exists yet.
/// </summary>
public sealed class PeopleQuery(PeopleSnapshotStore snapshots) : IPeopleQuery
{
    public async Task<PeopleQueryResult> QueryAsync(
        PeopleCriteria criteria,
        PeopleSort? sort,
        int page,
        int pageSize,
        CancellationToken cancellationToken)
    {
        var snapshot = await snapshots.GetOrLoadAsync(cancellationToken);
        return Apply(snapshot, criteria, sort, page, pageSize);
    }

    /// <summary>Filter, sort, page: pure over the snapshot.</summary>
    public static PeopleQueryResult Apply(
        PeopleSnapshot snapshot,
        PeopleCriteria criteria,
        PeopleSort? sort,
        int page,
        int pageSize)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);

        var matching = Filter(snapshot.People, criteria).ToList();
        var rows = Sort(matching, sort).Skip(page * pageSize).Take(pageSize).ToList();
        return new PeopleQueryResult(rows, matching.Count, snapshot.ReadAt);
    }

    /// <summary>Every row that meets the criteria, in the snapshot's order.</summary>
    public static IEnumerable<PersonRow> Filter(IEnumerable<PersonRow> people, PeopleCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(criteria);
        return people.Where(row => Matches(row, criteria));
    }

    public static bool Matches(PersonRow row, PeopleCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(criteria);

        if (criteria.Status is { } status && row.Status != status)
        {
            return false;
        }

        if (criteria.HiBobStatus is { } hibob && !HasHiBobStatus(row.Employee, hibob))
        {
            return false;
        }

        if (criteria.AccountStatus is { } account && !HasAccountStatus(row.PortUser, account))
        {
            return false;
        }

        var term = criteria.Search?.Trim();
        return string.IsNullOrEmpty(term)
            || Contains(row.Employee?.Name, term)
            || Contains(row.Employee?.Email, term)
            || Contains(row.Employee?.Id, term)
            || Contains(row.PortUser?.Identifier, term);
    }

    /// <summary>"Active" or "Inactive" for an employee, null for a row without one.</summary>
    public static string? HiBobStatusOf(Employee? employee) =>
        employee is null ? null : employee.IsActive ? PeopleCriteria.Active : PeopleCriteria.Inactive;

    private static bool HasHiBobStatus(Employee? employee, string wanted) =>
        string.Equals(HiBobStatusOf(employee) ?? PeopleCriteria.None, wanted, StringComparison.OrdinalIgnoreCase);

    private static bool HasAccountStatus(PortUser? user, string wanted) =>
        user is null
            ? string.Equals(wanted, PeopleCriteria.None, StringComparison.OrdinalIgnoreCase)
            : user.HasStatus(wanted);

    private static bool Contains(string? value, string term) =>
        value is not null && value.Contains(term, StringComparison.OrdinalIgnoreCase);

    private static IEnumerable<PersonRow> Sort(List<PersonRow> rows, PeopleSort? sort)
    {
        if (sort is null)
        {
            return rows;
        }

        // Ties keep the snapshot's order (OrderBy is stable), so a page boundary never moves between requests.
        Func<PersonRow, string> key = sort.Key switch
        {
            PeopleSortKey.Name => r => r.Employee?.Name ?? r.PortUser?.Title ?? "",
            PeopleSortKey.Email => r => r.Employee?.Email ?? "",
            PeopleSortKey.HiBobStatus => r => HiBobStatusOf(r.Employee) ?? "",
            PeopleSortKey.PortUser => r => r.PortUser?.Identifier ?? "",
            PeopleSortKey.AccountStatus => r => r.PortUser?.Status ?? "",
            _ => r => ((int)r.Status).ToString("D2", System.Globalization.CultureInfo.InvariantCulture),
        };
        return sort.Descending
            ? rows.OrderByDescending(key, StringComparer.OrdinalIgnoreCase)
            : rows.OrderBy(key, StringComparer.OrdinalIgnoreCase);
    }
}
