using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authorization;

namespace HiBobAdmin.Security;

/// <summary>
/// Lets into <c>/hangfire</c> only a signed-in user who meets <see cref="Policies.Administer"/>, judged by the app's
/// own authorisation. It replaces Hangfire's default local-requests filter, which would admit anyone whose request
/// arrives from loopback (every request behind a reverse proxy on the same host).
/// </summary>
public sealed class HangfireDashboardAuthorization : IDashboardAsyncAuthorizationFilter
{
    public async Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        if (http.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var result = await authorization.AuthorizeAsync(http.User, resource: null, Policies.Administer);
        return result.Succeeded;
    }
}
