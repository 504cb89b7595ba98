namespace HiBobAdmin.Sandbox;

/// <summary>One seeded person and what each side holds for them.</summary>
/// <param name="Kind">The situation this person stands for.</param>
/// <param name="EmployeeIds">HiBob record ids (two for a rehire or a duplicate, none for Port-only people).</param>
/// <param name="HiBobEmails">The HiBob email of each record, spelled as stored (null when null or absent).</param>
/// <param name="PortIdentifier">The <c>_user</c> identifier, or null when there is no Port user.</param>
/// <param name="PortStatus">The <c>_user</c> status (Active, Invited, Staged, Disabled), or null.</param>
public sealed record SandboxSeedPerson(
    SandboxSeedKind Kind,
    IReadOnlyList<string> EmployeeIds,
    IReadOnlyList<string?> HiBobEmails,
    string? PortIdentifier,
    string? PortStatus);
