using HiBobAdmin.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security;

/// <summary>
/// The form posts behind the sign-in pages: password sign-in (rate limited per address), single sign-on challenge,
/// change password and sign-out. Each form carries an antiforgery token, which the framework checks.
/// </summary>
public static class SignInEndpoints
{
    public const string SignInRoute = "/account/signin";
    public const string OidcRoute = "/account/signin/oidc";
    public const string SignOutRoute = "/account/signout";
    public const string ChangePasswordRoute = "/account/change-password";

    // Typed user names are kept to this length in logs and audit entries.
    private const int NameLimit = 200;

    public static IEndpointRouteBuilder MapSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(SignInRoute, SignInAsync).RequireRateLimiting(RateLimitPolicies.SignIn).ExcludeFromDescription();
        endpoints.MapGet(OidcRoute, Challenge).ExcludeFromDescription();
        endpoints.MapPost(SignOutRoute, (Delegate)SignOutAsync).RequireAuthorization().ExcludeFromDescription();
        endpoints.MapPost(ChangePasswordRoute, ChangePasswordAsync).RequireAuthorization().RequireRateLimiting(RateLimitPolicies.SignIn)
            .ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<IResult> SignInAsync(
        [FromForm] SignInForm form,
        HttpContext http,
        AccountDirectory accounts,
        AuditLog audit,
        ILogger<AccountDirectory> logger)
    {
        var userName = (form.UserName ?? "").Trim();
        if (userName.Length > NameLimit)
        {
            userName = userName[..NameLimit];
        }

        var returnUrl = LocalOrRoot(form.ReturnUrl);
        var check = userName.Length == 0 || string.IsNullOrEmpty(form.Password)
            ? SignInCheck.Failed(userName)
            : await accounts.CheckAsync(userName, form.Password, http.RequestAborted);
        if (!check.Succeeded)
        {
            logger.SignInFailed(userName);
            await audit.RecordAsync(
                "anonymous", AuditAction.SignInFailed, userName.Length == 0 ? null : userName,
                "Sign-in with a wrong user name or password.", http.RequestAborted);
            return Results.Redirect($"{DashboardCookieEvents.SignInPath}?error=1&ReturnUrl={Uri.EscapeDataString(returnUrl)}");
        }

        var principal = DashboardClaims.For(check.UserName, check.Role, check.MustChangePassword);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        logger.SignedIn(check.UserName, check.Role ?? "none");
        var detail = check.MustChangePassword
            ? "Signed in with the one-time password; a new password is required."
            : $"Signed in with a password as {check.Role}.";
        await audit.RecordAsync(check.UserName, AuditAction.SignedIn, check.UserName, detail, http.RequestAborted);
        return Results.Redirect(check.MustChangePassword ? DashboardCookieEvents.ChangePasswordPath : returnUrl);
    }

    internal static IResult Challenge([FromQuery] string? returnUrl, IOptions<AuthOptions> options) =>
        options.Value.HasOidc
            ? Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.NotFound();

    internal static async Task<IResult> SignOutAsync(HttpContext http)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return Results.Redirect(DashboardCookieEvents.SignInPath);
    }

    internal static async Task<IResult> ChangePasswordAsync(
        [FromForm] ChangePasswordForm form,
        HttpContext http,
        AccountDirectory accounts,
        AuditLog audit,
        ILogger<AccountDirectory> logger)
    {
        var userName = http.User.Identity?.Name ?? "";
        var outcome = string.Equals(form.NewPassword, form.ConfirmPassword, StringComparison.Ordinal)
            ? await accounts.ChangePasswordAsync(userName, form.CurrentPassword ?? "", form.NewPassword ?? "", http.RequestAborted)
            : PasswordChange.Mismatch;
        if (outcome != PasswordChange.Changed)
        {
            return Results.Redirect($"{DashboardCookieEvents.ChangePasswordPath}?error={outcome}");
        }

        var role = await accounts.RoleOfAsync(userName, http.RequestAborted);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, DashboardClaims.For(userName, role, false));
        logger.PasswordChanged(userName);
        await audit.RecordAsync(userName, AuditAction.PasswordChanged, userName, "Changed their password.", http.RequestAborted);
        return Results.Redirect("/");
    }

    /// <summary>
    /// Only a path on this site: an absolute or protocol-relative address would send the user elsewhere, and browsers
    /// drop tabs and line breaks from a URL, so "/\t/host" is protocol-relative too.
    /// </summary>
    internal static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
            && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl)
            ? url
            : "/";
}
