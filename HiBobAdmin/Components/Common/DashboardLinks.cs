using HiBobAdmin.Matching;

namespace HiBobAdmin.Components.Common;

/// <summary>The addresses of the dashboard's filtered lists, so every page links to them the same way.</summary>
public static class DashboardLinks
{
    public const string People = "/people";

    public const string Review = "/review";

    /// <summary><c>/people?status=HiBobOnly</c>: the people view filtered by a link status (enum name).</summary>
    public static string PeopleWith(LinkStatus status) => $"{People}?status={status}";

    /// <summary><c>/review?queue=UnmatchedEmployees</c>: the review page on one queue's tab (enum name).</summary>
    public static string ReviewOf(ReviewQueue queue) => $"{Review}?queue={queue}";

    public static string Run(Guid runId) => $"/runs/{runId}";
}
