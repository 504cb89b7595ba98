namespace HiBobAdmin.Matching;

/// <summary>
/// The Port users a sync never links, relinks or creates: Port admins and the emails on <c>Sync:ProtectedAccounts</c>
/// (docs/decisions/0011-protected-accounts.md). The reconciler asks before planning any <c>_user</c> write, so the
/// rows, the plan, its preview and the guards all agree. <c>hibob_user</c> entities describe employees, not
/// accounts, and are written as usual.
/// </summary>
public sealed class ProtectedAccounts
{
    private readonly HashSet<string> _listed;
    private readonly HashSet<string> _admins;

    public ProtectedAccounts(IEnumerable<string> listed, IEnumerable<PortUser> portUsers)
    {
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(portUsers);

        _listed = listed.Select(EmailAddress.Normalise).OfType<string>().ToHashSet(StringComparer.Ordinal);

        // By the exact identifier: a Member whose identifier differs from an admin's only in case is another account.
        _admins = portUsers.Where(u => u.IsAdmin).Select(u => u.Identifier).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Why a sync leaves this Port user alone ("is a Port admin"), or null when it may change it.</summary>
    public string? Why(string portUserIdentifier)
    {
        ArgumentNullException.ThrowIfNull(portUserIdentifier);

        if (_listed.Count == 0 && _admins.Count == 0)
        {
            return null;
        }

        return _admins.Contains(portUserIdentifier) ? "is a Port admin"
            : _listed.Contains(EmailAddress.Normalise(portUserIdentifier) ?? portUserIdentifier)
                ? "is on the protected list (Sync:ProtectedAccounts)"
            : null;
    }

    /// <summary>The sentence a protected account's row and skipped item carry, naming the write that was not planned.</summary>
    public static string Reason(UserLinkWrite write, string why)
    {
        ArgumentNullException.ThrowIfNull(write);

        var dropped = write.Kind switch
        {
            UserLinkKind.Link => $"linking it to employee {write.EmployeeId}",
            UserLinkKind.Relink => $"relinking it from employee {write.PreviousEmployeeId} to {write.EmployeeId}",
            _ => $"creating it for employee {write.EmployeeId}",
        };
        return $"Protected: the Port user {write.PortUserIdentifier} {why}, so the sync does not change it ({dropped} was dropped).";
    }
}
