namespace HiBobAdmin.Security;

/// <summary>The weakest role each policy admits, for the "You need the X role" message.</summary>
public static class PolicyRoles
{
    public static string MinimumRole(string? policy) => policy switch
    {
        Policies.Administer => Roles.PlatformAdmin,
        Policies.Operate => Roles.HrAdmin,
        _ => Roles.Viewer,
    };

    /// <summary>The policies a role satisfies, weakest first (mirrors <see cref="AuthorizationPolicies"/>).</summary>
    public static IReadOnlyList<string> PoliciesOf(string role) => role switch
    {
        Roles.PlatformAdmin => [Policies.View, Policies.Operate, Policies.Administer],
        Roles.HrAdmin => [Policies.View, Policies.Operate],
        Roles.Viewer => [Policies.View],
        _ => [],
    };
}
