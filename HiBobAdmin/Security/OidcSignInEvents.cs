using System.Security.Claims;
using HiBobAdmin.Audit;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;

namespace HiBobAdmin.Security;

/// <summary>After the provider vouched for a user: map their claim to roles and record the sign-in.</summary>
public sealed class OidcSignInEvents(OidcRoleMapper mapper, AuditLog audit, ILogger<OidcSignInEvents> logger)
    : OpenIdConnectEvents
{
    public override async Task TokenValidated(TokenValidatedContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Principal?.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var roles = mapper.Apply(identity);
        var name = identity.Name ?? identity.FindFirst("email")?.Value ?? identity.FindFirst("sub")?.Value ?? "unknown";
        if (roles.Count == 0)
        {
            logger.NoMappedRole(name, mapper.RoleClaimType);
        }
        else
        {
            logger.SignedIn(name, string.Join(", ", roles));
        }

        var detail = roles.Count == 0
            ? "Signed in through single sign-on without a mapped role: no access."
            : $"Signed in through single sign-on as {string.Join(", ", roles)}.";
        await audit.RecordAsync(name, AuditAction.SignedIn, name, detail, context.HttpContext.RequestAborted);
    }
}
