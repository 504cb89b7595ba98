using System.Net;
using HiBobAdmin.Audit;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Security;

/// <summary>Accounts from configuration: sign-in, refusal, sign-out, the cookie's flags and the sign-in rate limit.</summary>
[Collection(WholeApp.Name)]
public sealed class LocalAccountSignInTests
{
    [Fact]
    public async Task SignIn_ShowsNameAndRole_AndSignOutEndsTheSession()
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = app.CreateClient();

        using var signedIn = await client.SignInAsync("TEST-HRADMIN", TestAccounts.PasswordOf(Roles.HrAdmin));
        var home = await client.GetStringAsync(new Uri("/", UriKind.Relative));
        using var signedOut = await client.PostFormAsync("/", "/account/signout", []);
        using var after = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        Assert.Contains("test-hradmin · HrAdmin", home, StringComparison.Ordinal);
        Assert.Equal("/signin", signedOut.Headers.Location?.OriginalString);
        Assert.Equal("/signin?ReturnUrl=%2F", after.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("test-viewer", "wrong password")]
    [InlineData("nobody", "correct horse Viewer battery")]
    [InlineData("", "correct horse Viewer battery")]
    public async Task SignIn_IsRefusedAndAudited_WhenTheNameOrPasswordIsWrong(string userName, string password)
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = app.CreateClient();

        using var response = await client.SignInAsync(userName, password);
        using var page = await client.GetAsync(response.Headers.Location);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/signin?error=1&ReturnUrl=%2F", response.Headers.Location?.OriginalString);
        Assert.Contains("The user name or password is not correct.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>()
            .CreateDbContextAsync();
        var entry = Assert.Single(await db.AuditEntries.ToListAsync());
        Assert.Equal(AuditAction.SignInFailed, entry.Action);
        Assert.Equal(userName.Length == 0 ? null : userName, entry.Subject);
    }

    [Theory]
    [InlineData("/people?status=PortOnly", "/people?status=PortOnly")]
    [InlineData("//evil.example.com/", "/")]
    [InlineData("/\\evil.example.com/", "/")]
    [InlineData("/\t/evil.example.com/x", "/")]
    [InlineData("/\n/evil.example.com/x", "/")]
    [InlineData("https://evil.example.com/", "/")]
    public void ReturnAddress_IsKeptOnlyWhenItIsAPathOfThisSite(string asked, string used) =>
        Assert.Equal(used, SignInEndpoints.LocalOrRoot(asked));

    [Fact]
    public async Task SignIn_GoesBackOnlyToAPathOfThisSite()
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = app.CreateClient();

        using var local = await client.PostFormAsync("/signin", "/account/signin", new()
        {
            ["UserName"] = TestAccounts.UserNameOf(Roles.Viewer),
            ["Password"] = TestAccounts.PasswordOf(Roles.Viewer),
            ["ReturnUrl"] = "/people?status=PortOnly",
        });
        using var elsewhere = await client.PostFormAsync("/signin", "/account/signin", new()
        {
            ["UserName"] = TestAccounts.UserNameOf(Roles.Viewer),
            ["Password"] = TestAccounts.PasswordOf(Roles.Viewer),
            ["ReturnUrl"] = "//evil.example.com/",
        });

        Assert.Equal("/people?status=PortOnly", local.Headers.Location?.OriginalString);
        Assert.Equal("/", elsewhere.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_IsRefusedWithoutTheAntiforgeryToken()
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = app.CreateClient();
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = TestAccounts.UserNameOf(Roles.PlatformAdmin),
            ["Password"] = TestAccounts.PasswordOf(Roles.PlatformAdmin),
        });

        using var response = await client.PostAsync(new Uri("/account/signin", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task SignInCookie_IsHttpOnlyLaxAndSecure_OutsideDevelopment()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Auth:SecureCookies"] = null });
        using var client = app.CreateClient();

        using var response = await client.SignInAsync(TestAccounts.UserNameOf(Roles.Viewer), TestAccounts.PasswordOf(Roles.Viewer));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("HiBobAdmin.SignIn=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("; samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_Answers429_AfterTheAttemptsAllowedPerMinute()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        using var client = app.CreateClient();
        var statuses = new List<HttpStatusCode>();

        for (var attempt = 0; attempt < 4; attempt++)
        {
            using var response = await client.SignInAsync(TestAccounts.UserNameOf(Roles.Viewer), "guess " + attempt);
            statuses.Add(response.StatusCode);
        }

        using var correct = await client.SignInAsync(TestAccounts.UserNameOf(Roles.Viewer), TestAccounts.PasswordOf(Roles.Viewer));
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, correct.StatusCode);
        Assert.Equal("60", correct.Headers.RetryAfter?.ToString());
    }
}
