using System.Diagnostics.CodeAnalysis;

namespace HiBobAdmin.Matching;

/// <summary>The review queues of DESIGN.md: what does not match and needs an admin's look.</summary>
[SuppressMessage(
    "Naming",
    "CA1711:Identifiers should not have incorrect suffix",
    Justification = "A review queue is the product's own word (DESIGN.md), not a queue collection.")]
public enum ReviewQueue
{
    /// <summary>HiBob only, duplicate email, no email, unmappable email, email changed.</summary>
    UnmatchedEmployees,

    /// <summary>Port only.</summary>
    PortUsersWithoutEmployee,

    /// <summary>Port users whose account status is Disabled or Staged, including those the sync created.</summary>
    DisabledAndStagedAccounts,

    /// <summary>Inactive employees whose Port user is Active or Invited.</summary>
    LeaversWithAccess,
}
