namespace HiBobAdmin.Sync;

/// <summary>The columns the people view can be sorted by.</summary>
public enum PeopleSortKey
{
    Name,
    Email,
    HiBobStatus,
    PortUser,
    AccountStatus,
    LinkStatus,
}
