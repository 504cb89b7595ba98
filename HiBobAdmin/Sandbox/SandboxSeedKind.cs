namespace HiBobAdmin.Sandbox;

/// <summary>The kinds of people the seeded organisation holds, one per situation the sync must handle.</summary>
public enum SandboxSeedKind
{
    /// <summary>Active employee and a <c>_user</c> whose identifier is the employee's email.</summary>
    Matched,

    /// <summary>Active employee; the <c>_user</c> identifier differs from the HiBob email only in case.</summary>
    MatchedCaseDiffers,

    /// <summary>
    /// Active employee whose HiBob email is mixed-case and space-padded; the <c>_user</c> is the normalised email.
    /// </summary>
    MatchedPaddedEmail,

    /// <summary>Active employee with a usable email and no <c>_user</c>.</summary>
    HiBobOnly,

    /// <summary>Active employee whose email is null, absent or blank.</summary>
    NoEmail,

    /// <summary>Active employee whose email breaks Port's identifier rule (an apostrophe); no <c>_user</c>.</summary>
    UnmappableEmail,

    /// <summary>Active employee with an accented email (allowed by Port's rule); no <c>_user</c>.</summary>
    AccentedEmail,

    /// <summary>An inactive and an active record sharing one email; the <c>_user</c> exists.</summary>
    Rehire,

    /// <summary>Two active records whose emails differ only in case; a <c>_user</c> exists.</summary>
    DuplicateEmail,

    /// <summary>Inactive employee whose <c>_user</c> is still Active.</summary>
    LeaverWithActiveUser,

    /// <summary>Inactive employee whose <c>_user</c> is Disabled.</summary>
    LeaverWithDisabledUser,

    /// <summary>Inactive employee with no <c>_user</c>.</summary>
    LeaverWithoutUser,

    /// <summary>A <c>_user</c> (a contractor) with no employee.</summary>
    PortOnly,

    /// <summary>A <c>_user</c> with <c>port_type</c> Service Account.</summary>
    ServiceAccount,
}
