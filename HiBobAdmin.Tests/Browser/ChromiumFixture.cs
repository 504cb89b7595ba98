using HiBobAdmin.Security;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Playwright;

namespace HiBobAdmin.Tests.Browser;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright's bundled driver. Playwright's own browser
/// download cannot reach its CDN here, so the system browser is used; CI installs it (see .ci/run).
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium has not been launched.");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Browser tests need Chromium at {ExecutablePath}: install it with `apt-get install -y chromium`.");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox",
                "--disable-background-networking",
                "--disable-gpu",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        });
    }

    /// <summary>
    /// A fresh browser context (own cookies, 1440x900) whose relative URLs resolve against the app, signed in with the
    /// test account of <paramref name="role"/> (null: signed out). The app closes it first when it stops: an open
    /// Blazor circuit would otherwise hold Kestrel's graceful shutdown to its timeout.
    /// </summary>
    public async Task<IPage> NewPageAsync(SandboxApp app, string? role = Roles.PlatformAdmin)
    {
        ArgumentNullException.ThrowIfNull(app);
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = app.DashboardUri.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
            Locale = "en-GB",
            TimezoneId = "UTC",
        });
        app.CloseFirstWhenStopping(context);
        if (role is not null)
        {
            // Signing in over HTTP and handing the cookie over is quicker than typing into the form in every test.
            var cookies = new System.Net.CookieContainer();
            using var client = DashboardClient.Create(app.DashboardUri, cookies);
            using var response = await client.SignInAsync(TestAccounts.UserNameOf(role), TestAccounts.PasswordOf(role));
            await context.AddCookiesAsync(cookies.GetCookies(app.DashboardUri).Select(c => new Cookie
            {
                Name = c.Name,
                Value = c.Value,
                Url = app.DashboardUri.ToString(),
            }));
        }

        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
