namespace HiBobAdmin.Matching;

/// <summary>A Port <c>_user</c> entity, read with only what matching needs.</summary>
/// <param name="Identifier">The entity identifier exactly as Port holds it (an email).</param>
/// <param name="Title">The person's name in Port; shown, never written.</param>
/// <param name="Status">Port's account status (Active, Invited, Staged, Disabled), spelled as Port returned it.</param>
/// <param name="PortType">Port's <c>port_type</c>; <c>Service Account</c> users are never matched.</param>
/// <param name="LinkedEmployeeId">The <c>hibob_user</c> relation, or null when unset.</param>
public sealed record PortUser(
    string Identifier,
    string? Title,
    string? Status,
    string? PortType,
    string? LinkedEmployeeId)
{
    public bool IsServiceAccount =>
        string.Equals(PortType, "Service Account", StringComparison.OrdinalIgnoreCase);

    /// <summary>Port's <c>port_role</c> (Admin, Member, or a blueprint moderator role); null when not read.</summary>
    public string? Role { get; init; }

    /// <summary>A Port admin: the sync never changes their account (docs/decisions/0011-protected-accounts.md).</summary>
    public bool IsAdmin => string.Equals(Role, "Admin", StringComparison.OrdinalIgnoreCase);

    public bool HasStatus(string status) => string.Equals(Status, status, StringComparison.OrdinalIgnoreCase);
}
