namespace HiBobAdmin.Security;

/// <summary>
/// How people sign in to the dashboard (section <c>Auth</c>): OpenID Connect, local accounts from configuration,
/// or, with neither, the initial admin the app creates in its database.
/// </summary>
public sealed class AuthOptions
{
    public const string SectionName = "Auth";

    public OidcSignInOptions Oidc { get; set; } = new();

    public IList<LocalAccountOptions> LocalAccounts { get; } = [];

    /// <summary>
    /// Marks the sign-in cookie Secure; default on outside Development. Turn off only for a plain-HTTP install
    /// (or tests over loopback HTTP): a cookie without Secure travels unencrypted.
    /// </summary>
    public bool? SecureCookies { get; set; }

    public bool HasOidc => Oidc.IsConfigured;

    public bool HasLocalAccounts => LocalAccounts.Count > 0;

    /// <summary>The database's initial admin signs in only while nothing else is configured.</summary>
    public bool UsesInitialAdmin => !HasOidc && !HasLocalAccounts;
}

/// <summary>An OpenID Connect provider (Entra ID, Okta, Google) and how its claims become roles.</summary>
public sealed class OidcSignInOptions
{
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The claim whose values are mapped to roles, e.g. <c>groups</c> or <c>roles</c>.</summary>
    public string RoleClaim { get; set; } = "groups";

    /// <summary>Claim value → role (Viewer, HrAdmin, PlatformAdmin). A user with no mapped value gets no access.</summary>
    public IDictionary<string, string> RoleMap { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The label of the sign-in button.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(ClientSecret);
}

/// <summary>A dashboard account kept in configuration: its password is stored only as a hash.</summary>
public sealed class LocalAccountOptions
{
    public string UserName { get; set; } = "";

    /// <summary>An ASP.NET Core Identity password hash; make one with <c>HiBobAdmin hash-password</c>.</summary>
    public string PasswordHash { get; set; } = "";

    public string Role { get; set; } = "";
}
