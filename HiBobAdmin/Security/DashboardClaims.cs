using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace HiBobAdmin.Security;

/// <summary>The claims the sign-in cookie carries: a name, a role, and whether the password must be changed first.</summary>
public static class DashboardClaims
{
    /// <summary>
    /// Present while the one-time password is still in use. Such a sign-in carries no role, so every page and action
    /// refuses it on the server; only the change-password page accepts it.
    /// </summary>
    public const string PasswordChangeRequired = "hibobadmin:password-change-required";

    public static ClaimsPrincipal For(string userName, string? role, bool mustChangePassword)
    {
        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.Name, userName));
        if (mustChangePassword)
        {
            identity.AddClaim(new Claim(PasswordChangeRequired, "true"));
        }
        else if (role is not null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Role, role));
        }

        return new ClaimsPrincipal(identity);
    }

    public static bool MustChangePassword(this ClaimsPrincipal user) =>
        user?.HasClaim(c => c.Type == PasswordChangeRequired) == true;

    /// <summary>The strongest role the user holds, or null for none.</summary>
    public static string? RoleOf(this ClaimsPrincipal user) =>
        user is null ? null : Roles.All.LastOrDefault(user.IsInRole);
}
