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
}
