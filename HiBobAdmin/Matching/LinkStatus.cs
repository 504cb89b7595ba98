namespace HiBobAdmin.Matching;

/// <summary>The link status of one row of the people view (DESIGN.md, "Link status").</summary>
public enum LinkStatus
{
    Matched,
    PendingLink,
    HiBobOnly,
    PortOnly,
    DuplicateEmail,
    NoEmail,
    UnmappableEmail,
    Leaver,

    /// <summary>An active employee whose linked Port user carries an older email; the link is kept.</summary>
    EmailChanged,

    /// <summary>A Port user without an employee that an admin marked as expected until a date.</summary>
    Expected,

    /// <summary>
    /// An employee whose Port account a sync must not change (a Port admin, or on <c>Sync:ProtectedAccounts</c>) and
    /// who needs a link or a new account: the write is not planned.
    /// </summary>
    Protected,
}
