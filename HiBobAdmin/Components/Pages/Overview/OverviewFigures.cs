using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Components.Pages.Overview;

/// <summary>The figures of the Overview cards, counted once per snapshot.</summary>
/// <param name="ActiveEmployees">Employees active in HiBob.</param>
/// <param name="InactiveEmployees">Employees inactive in HiBob (leavers and not yet started).</param>
/// <param name="Matched">Rows with the link status Matched.</param>
/// <param name="PortUsers">Port users (service accounts excluded) per account status, in Port's usual order.</param>
/// <param name="Queues">The size of each review queue.</param>
public sealed record OverviewFigures(
    int ActiveEmployees,
    int InactiveEmployees,
    int Matched,
    IReadOnlyList<AccountStatusCount> PortUsers,
    IReadOnlyList<QueueCount> Queues)
{
    private static readonly string[] KnownStatuses = ["Active", "Invited", "Staged", "Disabled"];

    /// <summary>Matched / active employees; null when there is no active employee.</summary>
    public double? MatchedShare => ActiveEmployees == 0 ? null : (double)Matched / ActiveEmployees;

    public static OverviewFigures From(PeopleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var employees = snapshot.People.Where(p => p.Employee is not null).ToList();
        var active = employees.Count(p => p.Employee!.IsActive);
        var users = snapshot.People.Where(p => p.PortUser is not null).Select(p => p.PortUser!).ToList();

        var portUsers = KnownStatuses
            .Select(status => new AccountStatusCount(status, users.Count(u => u.HasStatus(status))))
            .ToList();
        var other = users.Count(u => !KnownStatuses.Any(u.HasStatus));
        if (other > 0)
        {
            portUsers.Add(new AccountStatusCount("Other", other));
        }

        var queues = ReviewQueues.All
            .Select(queue => new QueueCount(queue, ReviewQueues.Filter(snapshot.People, queue).Count))
            .ToList();

        return new OverviewFigures(
            active,
            employees.Count - active,
            snapshot.Count(LinkStatus.Matched),
            portUsers,
            queues);
    }
}
