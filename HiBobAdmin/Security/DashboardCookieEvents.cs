using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;

namespace HiBobAdmin.Security;

/// <summary>
/// What an anonymous or too-weak request gets: a page sends the browser to sign in, or to a page that names the role
/// it needs; an endpoint (CSV export, <c>/hangfire</c>) answers 401 or 403, since a redirect is no answer for a client.
/// </summary>
public sealed class DashboardCookieEvents : CookieAuthenticationEvents
{
    public const string SignInPath = "/signin";
    public const string AccessDeniedPath = "/access-denied";
    public const string ChangePasswordPath = "/account/password";
    public const string NeedKey = "need";

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!IsPage(context.HttpContext))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.HttpContext;
        if (!IsPage(http))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }

        if (http.User.MustChangePassword())
        {
            context.Response.Redirect(ChangePasswordPath);
            return Task.CompletedTask;
        }

        var policy = http.GetEndpoint()?.Metadata.GetOrderedMetadata<IAuthorizeData>()
            .Select(a => a.Policy).LastOrDefault(p => p is not null);
        var need = Uri.EscapeDataString(PolicyRoles.MinimumRole(policy));
        context.Response.Redirect($"{context.RedirectUri}&{NeedKey}={need}");
        return Task.CompletedTask;
    }

    private static bool IsPage(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
}
