using System.Globalization;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.WebUtilities;

namespace HiBobAdmin.Components.Pages.People;

/// <summary>
/// The addresses of the people view and its export, with the filters in the query so that a view can be shared and
/// other pages can link to <c>/people?status=HiBobOnly</c>.
/// </summary>
public static class PeopleUrl
{
    public const string Path = "/people";

    public const string StatusKey = "status";
    public const string SearchKey = "q";
    public const string HiBobKey = "hibob";
    public const string AccountKey = "account";
    public const string PageKey = "page";

    /// <summary>The people view with these filters; <paramref name="page"/> is 1-based and left out when 1.</summary>
    public static string For(PeopleCriteria criteria, int page = 1)
    {
        var query = Query(criteria);
        if (page > 1)
        {
            query.Add(new(PageKey, page.ToString(CultureInfo.InvariantCulture)));
        }

        return QueryHelpers.AddQueryString(Path, query);
    }

    /// <summary>The CSV of every row these filters select (all pages).</summary>
    public static string Export(PeopleCriteria criteria) =>
        QueryHelpers.AddQueryString(PeopleExportEndpoint.Route, Query(criteria));

    private static List<KeyValuePair<string, string?>> Query(PeopleCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var query = new List<KeyValuePair<string, string?>>();
        if (criteria.Status is { } status)
        {
            query.Add(new(StatusKey, status.ToString()));
        }

        if (!string.IsNullOrWhiteSpace(criteria.Search))
        {
            query.Add(new(SearchKey, criteria.Search));
        }

        if (criteria.HiBobStatus is { } hibob)
        {
            query.Add(new(HiBobKey, hibob));
        }

        if (criteria.AccountStatus is { } account)
        {
            query.Add(new(AccountKey, account));
        }

        return query;
    }
}
