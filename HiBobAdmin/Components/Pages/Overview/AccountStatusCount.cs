using HiBobAdmin.Components.Common;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Components.Pages.Overview;

/// <summary>How many Port users have one account status; "Other" for missing or unknown statuses.</summary>
public sealed record AccountStatusCount(string Status, int Count)
{
    /// <summary>Disabled and staged accounts have a review queue; the others are listed among people.</summary>
    public string Href => Status is "Disabled" or "Staged"
        ? DashboardLinks.ReviewOf(ReviewQueue.DisabledAndStagedAccounts)
        : DashboardLinks.People;
}
