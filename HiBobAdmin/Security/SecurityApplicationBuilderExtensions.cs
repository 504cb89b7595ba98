using Hangfire;

namespace HiBobAdmin.Security;

public static class SecurityApplicationBuilderExtensions
{
    public const string HangfirePath = "/hangfire";

    /// <summary>Who is asking (cookie), what they may do, and how often; before antiforgery and the endpoints.</summary>
    public static WebApplication UseDashboardSecurity(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
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
