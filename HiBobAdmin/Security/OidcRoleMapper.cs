using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security;

/// <summary>
/// Turns the identity provider's claim (a group or app role) into dashboard roles through
/// <c>Auth:Oidc:RoleMap</c>. Role claims the provider sent itself are removed first, so only the map decides.
/// A user none of whose values is mapped keeps no role and is refused everywhere (decision 0027).
/// </summary>
public sealed class OidcRoleMapper(IOptions<AuthOptions> options)
{
    public string RoleClaimType => options.Value.Oidc.RoleClaim;

    public IReadOnlyList<string> RolesFor(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var oidc = options.Value.Oidc;
        return user.FindAll(oidc.RoleClaim)
            .Select(c => oidc.RoleMap.TryGetValue(c.Value, out var role) ? role : null)
            .OfType<string>()
            .Where(Roles.All.Contains)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Replaces the identity's role claims with the mapped roles; returns them.</summary>
    public IReadOnlyList<string> Apply(ClaimsIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var roles = RolesFor(new ClaimsPrincipal(identity));
        foreach (var claim in identity.FindAll(identity.RoleClaimType).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var role in roles)
        {
            identity.AddClaim(new Claim(identity.RoleClaimType, role));
        }

        return roles;
    }
}
