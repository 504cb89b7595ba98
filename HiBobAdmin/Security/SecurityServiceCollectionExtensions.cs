using HiBobAdmin.Storage;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security;

public static class SecurityServiceCollectionExtensions
{
    /// <summary>
    /// Sign-in for the dashboard: a cookie scheme, OpenID Connect when configured, the role policies, rate limits,
    /// the initial admin, and data-protection keys kept beside the database so a restart keeps people signed in.
    /// </summary>
    public static IServiceCollection AddDashboardSecurity(this IServiceCollection services, WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();

        var storage = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var keys = Path.Combine(storage.ResolveDataDirectory(builder.Environment.ContentRootPath), "keys");
        services.AddDataProtection().SetApplicationName("HiBobAdmin").PersistKeysToFileSystem(new DirectoryInfo(keys));

        var secure = auth.SecureCookies ?? !builder.Environment.IsDevelopment();
        var authentication = services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(cookie =>
            {
                cookie.LoginPath = DashboardCookieEvents.SignInPath;
                cookie.AccessDeniedPath = DashboardCookieEvents.AccessDeniedPath;
                cookie.Cookie.Name = "HiBobAdmin.SignIn";
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = SecurePolicy(secure);
                cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
                cookie.SlidingExpiration = true;
                cookie.EventsType = typeof(DashboardCookieEvents);
            });
        if (auth.HasOidc)
        {
            authentication.AddOpenIdConnect(oidc =>
            {
                oidc.Authority = auth.Oidc.Authority;
                oidc.ClientId = auth.Oidc.ClientId;
                oidc.ClientSecret = auth.Oidc.ClientSecret;
                oidc.ResponseType = "code";
                oidc.UsePkce = true;
                oidc.SaveTokens = false;
                oidc.MapInboundClaims = false;
                oidc.TokenValidationParameters.NameClaimType = "name";
                oidc.TokenValidationParameters.RoleClaimType = System.Security.Claims.ClaimTypes.Role;
                oidc.GetClaimsFromUserInfoEndpoint = true;
                oidc.Scope.Add("email");
                oidc.Scope.Add("profile");
                oidc.CorrelationCookie.SecurePolicy = SecurePolicy(secure);
                oidc.NonceCookie.SecurePolicy = SecurePolicy(secure);
                oidc.EventsType = typeof(OidcSignInEvents);
            });
            services.AddScoped<OidcSignInEvents>();
        }

        services.AddAuthorizationBuilder().AddHiBobAdminPolicies();
        services.AddCascadingAuthenticationState();
        services.AddHiBobAdminRateLimits();

        services.AddScoped<DashboardCookieEvents>();
        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<OidcRoleMapper>();
        services.AddScoped<AccountDirectory>();
        services.AddScoped<ActionGuard>();
        services.AddScoped<CurrentActor>();
        services.AddHostedService<InitialAdmin>();
        return services;

        static CookieSecurePolicy SecurePolicy(bool secure) => secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
    }
}
