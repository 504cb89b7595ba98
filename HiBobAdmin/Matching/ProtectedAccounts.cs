namespace HiBobAdmin.Matching;

/// <summary>
/// Drops every <c>_user</c> write that would change a protected account, a Port admin or an email on the configured
/// list, and records each as skipped with the reason (docs/decisions/0011-protected-accounts.md). <c>hibob_user</c>
/// entities describe employees, not accounts, and are written as usual.
/// </summary>
public static class ProtectedAccounts
{
    public static SyncPlan Apply(SyncPlan plan, IReadOnlyList<PortUser> portUsers, IEnumerable<string> protectedEmails)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(portUsers);
        ArgumentNullException.ThrowIfNull(protectedEmails);

        var listed = protectedEmails.Select(EmailAddress.Normalise).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var admins = portUsers
            .Where(u => u.IsAdmin)
            .Select(u => EmailAddress.Normalise(u.Identifier))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        if (listed.Count == 0 && admins.Count == 0)
        {
            return plan;
        }

        var kept = new List<UserLinkWrite>(plan.UserLinkWrites.Count);
        var skipped = new List<SkippedItem>(plan.Skipped);
        foreach (var write in plan.UserLinkWrites)
        {
            var key = EmailAddress.Normalise(write.PortUserIdentifier) ?? write.PortUserIdentifier;
            var why = admins.Contains(key) ? "is a Port admin"
                : listed.Contains(key) ? "is on the protected list (Sync:ProtectedAccounts)"
                : null;
            if (why is null)
            {
                kept.Add(write);
                continue;
            }

            skipped.Add(new SkippedItem(write.EmployeeId, Reason(write, why)));
        }

        return kept.Count == plan.UserLinkWrites.Count ? plan : plan with { UserLinkWrites = kept, Skipped = skipped };
    }

    private static string Reason(UserLinkWrite write, string why)
    {
        var dropped = write.Kind switch
        {
            UserLinkKind.Link => $"linking it to employee {write.EmployeeId}",
            UserLinkKind.Relink => $"relinking it from employee {write.PreviousEmployeeId} to {write.EmployeeId}",
            _ => $"creating it for employee {write.EmployeeId}",
        };
        return $"Protected: the Port user {write.PortUserIdentifier} {why}, so the sync does not change it ({dropped} was dropped).";
    }
}
