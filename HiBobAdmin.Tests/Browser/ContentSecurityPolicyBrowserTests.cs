using HiBobAdmin.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HiBobAdmin.Tests.Browser;

/// <summary>The dashboard under its Content-Security-Policy in a real browser: it renders, connects and reacts.</summary>
[Collection(WholeApp.Name)]
public sealed class ContentSecurityPolicyBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    // Chromium raises securitypolicyviolation for every blocked script, style, connection or frame.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation',
          e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
        """;

    [Fact]
    public async Task Dashboard_IsInteractiveWithoutAnyPolicyViolation_WhenTheCspIsOn()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        var page = await chromium.NewPageAsync(app);
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        await page.AddInitScriptAsync(RecordViolations);

        await page.OpenAsync("/");
        await page.GetByTestId("nav-toggle").ClickAsync();
        await page.OpenAsync("/people");
        await Expect(page.GetByTestId("people-grid").Locator(".status-chip").First).ToBeVisibleAsync(BlazorPage.Soon);

        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.Empty(violations);
        Assert.DoesNotContain(console, text => text.Contains("Content Security Policy", StringComparison.Ordinal));
    }
}
