using System.Net;
using System.Security.Claims;
using HiBobAdmin.Security;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace HiBobAdmin.Tests.Security;

/// <summary>
/// OpenID Connect without a reachable provider: the claim → role map on its own, and the challenge that sends the
/// browser to the configured authority.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class OidcSignInTests
{
    private const string Authority = "https://login.example.com/tenant";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Auth:Oidc:Authority"] = Authority,
        ["Auth:Oidc:ClientId"] = "hibobadmin-client",
        ["Auth:Oidc:ClientSecret"] = "oidc-secret-Wq93",
        ["Auth:Oidc:DisplayName"] = "Example SSO",
        ["Auth:Oidc:RoleClaim"] = "groups",
        ["Auth:Oidc:RoleMap:hr-team"] = "HrAdmin",
        ["Auth:Oidc:RoleMap:platform-team"] = "PlatformAdmin",
    };

    [Fact]
    public void Apply_GivesTheMappedRoles_AndDropsRolesTheProviderSent()
    {
        var mapper = Mapper();
        var identity = new ClaimsIdentity(
            [
                new Claim("groups", "hr-team"),
                new Claim("groups", "everyone"),
                new Claim(ClaimTypes.Role, "PlatformAdmin"),
            ],
            "oidc",
            "name",
            ClaimTypes.Role);

        var roles = mapper.Apply(identity);

        Assert.Equal([Roles.HrAdmin], roles);
        Assert.Equal([Roles.HrAdmin], identity.FindAll(ClaimTypes.Role).Select(c => c.Value));
        Assert.True(new ClaimsPrincipal(identity).IsInRole(Roles.HrAdmin));
    }

    [Fact]
    public void Apply_GivesNoRole_WhenNoValueIsMapped()
    {
        var identity = new ClaimsIdentity([new Claim("groups", "everyone")], "oidc", "name", ClaimTypes.Role);

        var roles = Mapper().Apply(identity);

        Assert.Empty(roles);
        Assert.Null(new ClaimsPrincipal(identity).RoleOf());
    }

    [Fact]
    public async Task Challenge_RedirectsToTheConfiguredAuthority_WithTheClientId()
    {
        await using var app = await SandboxApp.StartAsync(Settings, services =>
            services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o => o.Configuration =
                new OpenIdConnectConfiguration { Issuer = Authority, AuthorizationEndpoint = Authority + "/authorize" }));
        using var client = app.CreateClient();

        var signInPage = await client.GetStringAsync(new Uri("/signin", UriKind.Relative));
        using var challenge = await client.GetAsync(new Uri("/account/signin/oidc?returnUrl=%2Fpeople", UriKind.Relative));

        Assert.Contains("Sign in with Example SSO", signInPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, challenge.StatusCode);
        var location = challenge.Headers.Location!;
        Assert.Equal(Authority + "/authorize", location.GetLeftPart(UriPartial.Path));
        Assert.Contains("client_id=hibobadmin-client", location.Query, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location.Query, StringComparison.Ordinal);
        Assert.Contains("code_challenge=", location.Query, StringComparison.Ordinal);
        Assert.DoesNotContain("oidc-secret-Wq93", location.ToString(), StringComparison.Ordinal);
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>()
            .Get(OpenIdConnectDefaults.AuthenticationScheme);
        Assert.Equal(Authority, options.Authority);
        Assert.Equal("oidc-secret-Wq93", options.ClientSecret);
        Assert.False(options.SaveTokens);
    }

    [Theory]
    [InlineData("Auth:Oidc:ClientSecret", "Auth:Oidc:ClientSecret is required.")]
    [InlineData("Auth:Oidc:ClientId", "Auth:Oidc:ClientId is required.")]
    public void Validator_NamesTheMissingKey_WhenOidcIsHalfConfigured(string missing, string message)
    {
        var options = new AuthOptions
        {
            Oidc =
            {
                Authority = Authority,
                ClientId = missing == "Auth:Oidc:ClientId" ? null : "id",
                ClientSecret = missing == "Auth:Oidc:ClientSecret" ? null : "secret",
            },
        };

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(message, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_RefusesAnUnknownRole_InTheMapAndInLocalAccounts()
    {
        var options = new AuthOptions { Oidc = { Authority = Authority, ClientId = "id", ClientSecret = "s" } };
        options.Oidc.RoleMap["ops"] = "Admin";
        options.LocalAccounts.Add(new LocalAccountOptions { UserName = "x", PasswordHash = "AQAAAA", Role = "Root" });

        var result = new AuthOptionsValidator().Validate(null, options);

        Assert.Contains("Auth:Oidc:RoleMap:ops is 'Admin'", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Auth:LocalAccounts:0:Role must be one of Viewer, HrAdmin, PlatformAdmin.", result.FailureMessage, StringComparison.Ordinal);
    }

    private static OidcRoleMapper Mapper()
    {
        var options = new AuthOptions { Oidc = { RoleClaim = "groups" } };
        options.Oidc.RoleMap["hr-team"] = Roles.HrAdmin;
        options.Oidc.RoleMap["platform-team"] = Roles.PlatformAdmin;
        return new OidcRoleMapper(Options.Create(options));
    }
}
