using System.Net;
using System.Reflection;
using HiBobAdmin.Security;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Security;

/// <summary>Every page and endpoint refuses anonymous callers and roles below its policy, on the server.</summary>
[Collection(WholeApp.Name)]
public sealed class AccessControlTests
{
    // Pages and the role each needs at least.
    public static TheoryData<string, string> Pages => new()
    {
        { "/", Roles.Viewer },
        { "/people", Roles.Viewer },
        { "/review", Roles.Viewer },
        { "/runs", Roles.Viewer },
        { "/runs/00000000-0000-0000-0000-000000000001", Roles.Viewer },
        { "/audit", Roles.Viewer },
        { "/decisions", Roles.Viewer },
        { "/account/password", Roles.Viewer },
        { "/settings", Roles.PlatformAdmin },
    };

    // Endpoints (not pages) and the role each needs at least.
    public static TheoryData<string, string> Endpoints => new()
    {
        { "/people/export.csv", Roles.Viewer },
        { "/audit/export.csv", Roles.Viewer },
        { "/hangfire", Roles.PlatformAdmin },
        { "/hangfire/jobs/succeeded", Roles.PlatformAdmin },
    };

    // What may be reached without signing in: the sign-in pages and their posts, Blazor's own plumbing, static files,
    // the webhooks (each checks its vendor's signature), the API's description (no data) and the health probes.
    private static readonly string[] PublicRoutes =
    [
        "/signin", "/access-denied", "/account/signin", "/account/signin/oidc", "/_blazor", "/_framework/",
        "/_content/", "/app.", "/{**path:file}", "/favicon", "/error", "/not-found",
        "/webhooks/", "/openapi/", "/healthz", "/readyz",
    ];

    [Fact]
    public async Task EveryPage_RedirectsToSignIn_WhenAnonymous_AndRefusesWeakerRoles()
    {
        await using var app = await SandboxApp.StartAsync();
        using var anonymous = app.CreateClient();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            clients[role] = await app.SignInAsync(role);
        }

        try
        {
            foreach (var (path, needed) in Pages.Select(row => ((string)row[0], (string)row[1])))
            {
                using var refused = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
                Assert.Equal(
                    $"/signin?ReturnUrl={Uri.EscapeDataString(path)}",
                    refused.Headers.Location!.PathAndQuery);

                foreach (var role in Roles.All)
                {
                    using var response = await clients[role].GetAsync(new Uri(path, UriKind.Relative));
                    if (Allows(role, needed))
                    {
                        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                        continue;
                    }

                    Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                    Assert.StartsWith("/access-denied?ReturnUrl=", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
                    using var denied = await clients[role].GetAsync(response.Headers.Location);
                    var text = await denied.Content.ReadAsStringAsync();
                    Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
                    Assert.Contains($"You need the {needed} role", text, StringComparison.Ordinal);
                    Assert.Contains($"with the {role} role", text, StringComparison.Ordinal);
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task EveryEndpoint_Answers401_WhenAnonymous_And403_ForWeakerRoles()
    {
        // The request comes from 127.0.0.1, as it would through a reverse proxy on the same host: still refused.
        await using var app = await SandboxApp.StartAsync();
        using var anonymous = app.CreateClient();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in Roles.All)
        {
            clients[role] = await app.SignInAsync(role);
        }

        try
        {
            foreach (var (path, needed) in Endpoints.Select(row => ((string)row[0], (string)row[1])))
            {
                using var refused = await anonymous.GetAsync(new Uri(path, UriKind.Relative));
                Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
                foreach (var role in Roles.All)
                {
                    using var response = await clients[role].GetAsync(new Uri(path, UriKind.Relative));
                    var expected = Allows(role, needed) ? HttpStatusCode.OK : HttpStatusCode.Forbidden;
                    Assert.True(expected == response.StatusCode, $"{path} as {role}: {response.StatusCode}");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }
    }

    [Fact]
    public async Task HangfireDashboard_ShowsHangfire_ToPlatformAdmin()
    {
        await using var app = await SandboxApp.StartAsync();
        using var admin = await app.SignInAsync(Roles.PlatformAdmin);

        var page = await admin.GetStringAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Contains("Hangfire Dashboard", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryMappedEndpoint_RequiresAuthorisation_UnlessItIsPublicPlumbing()
    {
        await using var app = await SandboxApp.StartAsync();
        var sources = app.Services.GetServices<EndpointDataSource>();

        var open = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IAuthorizeData>() is null)
            .Where(e => e.Metadata.GetMetadata<IHostMetadata>() is null) // the sandbox, on its own loopback port
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Where(route => !PublicRoutes.Any(p => route.StartsWith(p, StringComparison.OrdinalIgnoreCase)))
            .Distinct()
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void EveryRoutablePage_NamesAPolicy_ExceptTheSignInPages()
    {
        var pages = typeof(HiBobAdmin.Hosting.AppHost).Assembly.GetTypes()
            .Where(t => t.GetCustomAttributes<RouteAttribute>().Any())
            .Where(t => t.Namespace?.EndsWith(".Account", StringComparison.Ordinal) != true);

        var unguarded = pages.Where(t => t.GetCustomAttribute<AuthorizeAttribute>()?.Policy is null).Select(t => t.Name);

        Assert.Empty(unguarded);
    }

    private static bool Allows(string role, string needed) =>
        Roles.All.ToList().IndexOf(role) >= Roles.All.ToList().IndexOf(needed);
}
