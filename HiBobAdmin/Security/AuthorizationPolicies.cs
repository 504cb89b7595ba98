using Microsoft.AspNetCore.Authorization;

namespace HiBobAdmin.Security;

public static class AuthorizationPolicies
{
    /// <summary>
    /// Registers <see cref="Policies"/> as role checks. They name no authentication scheme, so the same policy guards
    /// a page (cookie or OpenID Connect sign-in) and an API endpoint (its key), each endpoint choosing its schemes.
    /// </summary>
    public static AuthorizationBuilder AddHiBobAdminPolicies(this AuthorizationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder
            .AddPolicy(Policies.View, p => p.RequireRole(Roles.Viewer, Roles.HrAdmin, Roles.PlatformAdmin))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.HrAdmin, Roles.PlatformAdmin))
            .AddPolicy(Policies.Administer, p => p.RequireRole(Roles.PlatformAdmin));
    }
}
