namespace HiBobAdmin.Matching;

/// <summary>
/// Which review queues a row of the people view belongs to (DESIGN.md, "Review queues"). A row can sit in two:
/// a Port-only user that is Disabled is both without an employee and a disabled account.
/// </summary>
public static class ReviewQueues
{
    /// <summary>Every queue, in the order the UI lists them.</summary>
    public static IReadOnlyList<ReviewQueue> All { get; } = Enum.GetValues<ReviewQueue>();

    /// <summary>DESIGN.md's words for a queue.</summary>
    public static string DisplayName(ReviewQueue queue) => queue switch
    {
        ReviewQueue.UnmatchedEmployees => "Unmatched employees",
        ReviewQueue.PortUsersWithoutEmployee => "Port users without an employee",
        ReviewQueue.DisabledAndStagedAccounts => "Disabled and staged accounts",
        ReviewQueue.LeaversWithAccess => "Leavers with access",
        _ => queue.ToString(),
    };

    /// <summary>The queues the row belongs to, in <see cref="All"/> order; empty for a row that needs no review.</summary>
    public static IReadOnlyList<ReviewQueue> Of(PersonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return All.Where(queue => Contains(queue, row)).ToList();
    }

    /// <summary>The rows of one queue, in the order given.</summary>
    public static IReadOnlyList<PersonRow> Filter(IEnumerable<PersonRow> rows, ReviewQueue queue)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.Where(row => Contains(queue, row)).ToList();
    }

    public static bool Contains(ReviewQueue queue, PersonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return queue switch
        {
            ReviewQueue.UnmatchedEmployees => row.Status is LinkStatus.HiBobOnly or LinkStatus.DuplicateEmail
                or LinkStatus.NoEmail or LinkStatus.UnmappableEmail or LinkStatus.EmailChanged,
            ReviewQueue.PortUsersWithoutEmployee => row.Status == LinkStatus.PortOnly,
            ReviewQueue.DisabledAndStagedAccounts => row.PortUser is { } user
                && (user.HasStatus("Disabled") || user.HasStatus("Staged")),
            ReviewQueue.LeaversWithAccess => row.Status == LinkStatus.Leaver
                && row.PortUser is { } user
                && (user.HasStatus("Active") || user.HasStatus("Invited")),
            _ => false,
        };
    }

    /// <summary>
    /// The planned writes that fix the given rows: links, relinks and Port-user creations aimed at their employees
    /// or Port users, and the <c>hibob_user</c> creations those links need. Updates and state-only writes are not
    /// fixes of a review queue, so they are left out.
    /// </summary>
    public static QueueChanges PlannedChanges(IEnumerable<PersonRow> rows, SyncPlan plan)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(plan);
        var employeeIds = new HashSet<string>(StringComparer.Ordinal);
        var portUsers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Employee is { } employee)
            {
                employeeIds.Add(employee.Id);
            }

            if (row.PortUser is { } user)
            {
                portUsers.Add(user.Identifier);
            }
        }

        var links = plan.UserLinkWrites
            .Where(w => employeeIds.Contains(w.EmployeeId) || portUsers.Contains(w.PortUserIdentifier))
            .ToList();
        var linkedIds = links.Select(w => w.EmployeeId).ToHashSet(StringComparer.Ordinal);
        var entities = plan.HibobUserWrites.Count(w =>
            w.Kind == HibobUserWriteKind.Create && linkedIds.Contains(w.Entity.Identifier));

        return new QueueChanges(
            links.Count(w => w.Kind == UserLinkKind.Link),
            links.Count(w => w.Kind == UserLinkKind.Relink),
            links.Count(w => w.Kind == UserLinkKind.CreateAndLink),
            entities,
            plan.WriteCount);
    }
}
