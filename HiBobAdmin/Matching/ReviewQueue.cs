namespace HiBobAdmin.Matching;

/// <summary>The review queues of DESIGN.md: what does not match and needs an admin's look.</summary>
public enum ReviewQueue
{
    /// <summary>HiBob only, duplicate email, no email, unmappable email.</summary>
    UnmatchedEmployees,

    /// <summary>Port only.</summary>
    PortUsersWithoutEmployee,

    /// <summary>Port users whose account status is Disabled or Staged, including those the sync created.</summary>
    DisabledAndStagedAccounts,

    /// <summary>Inactive employees whose Port user is Active or Invited.</summary>
    LeaversWithAccess,
}
