using HiBobAdmin.Security;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HiBobAdmin.Tests.Browser;

/// <summary>Signing in and out through the forms in a real browser, and what a Viewer sees.</summary>
[Collection(WholeApp.Name)]
public sealed class SignInBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task SignInForm_LeadsBackToThePageAsked_AndSignOutReturnsToTheForm()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        var page = await chromium.NewPageAsync(app, role: null);

        await page.GotoAsync("/people");
        await page.GetByTestId("signin-user").FillAsync(TestAccounts.UserNameOf(Roles.HrAdmin));
        await page.GetByTestId("signin-password").FillAsync(TestAccounts.PasswordOf(Roles.HrAdmin));
        await page.GetByTestId("signin-submit").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.DashboardUri, "/people").ToString());
        await Expect(page.GetByTestId("user-name")).ToHaveTextAsync("test-hradmin · HrAdmin", BlazorPage.SoonText);

        await page.GetByTestId("sign-out").ClickAsync();

        await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync(BlazorPage.Soon);
        await page.GotoAsync("/");
        await Expect(page.GetByTestId("signin-form")).ToBeVisibleAsync(BlazorPage.Soon);
    }

    [Fact]
    public async Task Viewer_SeesNoSyncButtons_AndIsToldWhichRoleSettingsNeed()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        var page = await chromium.NewPageAsync(app, Roles.Viewer);

        await page.OpenAsync("/");
        await Expect(page.GetByTestId("card-matched-share")).ToBeVisibleAsync(BlazorPage.Soon);
        await Expect(page.GetByTestId("run-full-sync")).ToHaveCountAsync(0);

        await page.GotoAsync("/settings");
        await Expect(page.GetByTestId("access-refused")).ToHaveTextAsync("You need the PlatformAdmin role");
        await Expect(page.GetByTestId("access-refused-detail")).ToContainTextAsync("with the Viewer role");
    }
}
