using Hangfire;

namespace HiBobAdmin.Security;

public static class SecurityApplicationBuilderExtensions
{
    public const string HangfirePath = "/hangfire";

    /// <summary>
    /// How often, then who is asking (cookie or API key) and what they may do; before antiforgery and the endpoints.
    /// The limiter comes first so that requests refused for a missing or wrong key count too: otherwise guessing
    /// keys would be unlimited.
    /// </summary>
    public static WebApplication UseDashboardSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>The sign-in form posts and the Hangfire dashboard, PlatformAdmin only.</summary>
    public static WebApplication MapDashboardSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapSignIn();

        // Authorization = [] drops Hangfire's LocalRequestsOnlyAuthorizationFilter: the app's policy is the only gate.
        var dashboard = new DashboardOptions
        {
            Authorization = [],
            AsyncAuthorization = [new HangfireDashboardAuthorization()],
            AppPath = "/",
            DisplayStorageConnectionString = false,
        };
        app.MapHangfireDashboard(HangfirePath, dashboard).RequireAuthorization(Policies.Administer);
        return app;
    }
}
