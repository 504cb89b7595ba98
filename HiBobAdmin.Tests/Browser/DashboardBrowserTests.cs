using HiBobAdmin.Matching;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HiBobAdmin.Tests.Browser;

/// <summary>The dashboard in a real browser against the whole app in sandbox mode, one fresh app per test.</summary>
[Collection(WholeApp.Name)]
public sealed class DashboardBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions RunEnds = new() { Timeout = 90_000 };

    [Fact]
    public async Task RunFullSync_ShowsSucceeded_WhenClickedOnTheOverview()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        var page = await chromium.NewPageAsync(app);
        await page.OpenAsync("/");
        await Expect(page.GetByTestId("sandbox-banner")).ToContainTextAsync("Sandbox — simulated HiBob and Port");

        await page.GetByTestId("run-full-sync").ClickAsync();

        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded", RunEnds);
        await Expect(page.GetByTestId("last-run")).ToContainTextAsync("Full sync");
        await Expect(page.GetByTestId("run-progress")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("run-full-sync")).ToBeEnabledAsync();
    }

    [Fact]
    public async Task People_ListsOnlyHiBobOnlyRowsWithTheSnapshotTotal_WhenFilteredByLinkStatus()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        var expected = (await app.Snapshots.GetOrLoadAsync(CancellationToken.None)).Count(LinkStatus.HiBobOnly);
        Assert.True(expected > 0, "The fresh sandbox should have HiBob-only employees.");
        var page = await chromium.NewPageAsync(app);

        await page.OpenAsync("/people?status=HiBobOnly");

        var grid = page.GetByTestId("people-grid");
        await Expect(grid.Locator(".status-chip").First).ToHaveTextAsync("HiBob only", BlazorPage.SoonText);
        await Expect(grid.Locator(".status-chip:not([data-status=HiBobOnly])")).ToHaveCountAsync(0);
        await Expect(grid.Locator(".status-chip")).ToHaveCountAsync(Math.Min(expected, 50));
        await Expect(grid.Locator(".mud-table-pagination")).ToContainTextAsync($"of {expected}");
        await Expect(page.GetByTestId("filter-status")).ToContainTextAsync("HiBob only");
    }

    [Fact]
    public async Task SyncOnePerson_TurnsTheirRowMatched_WhenTheirEmailIsTypedOnTheOverview()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        var email = app.Sandbox.SeedSummary.Of(SandboxSeedKind.HiBobOnly)[0].HiBobEmails[0]!;
        var page = await chromium.NewPageAsync(app);
        await page.OpenAsync("/");

        await page.GetByLabel("Email or HiBob id").FillAsync(email);
        await Expect(page.GetByTestId("single-sync")).ToBeEnabledAsync();
        await page.GetByTestId("single-sync").ClickAsync();

        await Expect(page.GetByTestId("single-sync-message")).ToBeVisibleAsync(BlazorPage.Soon);
        await Expect(page.GetByTestId("last-run")).ToContainTextAsync($"Sync of {email}", BlazorPage.SoonContains);
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded", RunEnds);
        await page.OpenAsync($"/people?q={Uri.EscapeDataString(email)}");
        var grid = page.GetByTestId("people-grid");
        await Expect(grid).ToContainTextAsync(email, BlazorPage.SoonContains);
        await Expect(grid.Locator(".status-chip")).ToHaveTextAsync("Matched", BlazorPage.SoonText);
    }

    [Fact]
    public async Task Runs_OpensTheNewestRunWithItsItems_WhenItIsClicked()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        await app.RunFullSyncAsync(dryRun: true);
        var run = await app.RunFullSyncAsync();
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        var items = await app.ItemsAsync(run.Id);
        Assert.NotEmpty(items);
        var page = await chromium.NewPageAsync(app);
        await page.OpenAsync("/runs");

        await page.GetByTestId("run-link").First.ClickAsync();

        await Expect(page).ToHaveURLAsync(new Uri(app.DashboardUri, $"/runs/{run.Id}").ToString());
        await Expect(page.GetByTestId("run-status")).ToHaveTextAsync("Succeeded", BlazorPage.SoonText);
        await Expect(page.GetByTestId("last-run")).ToContainTextAsync("Full sync");
        var grid = page.GetByTestId("run-items-grid");
        await Expect(grid.Locator("tbody tr").First).ToBeVisibleAsync(BlazorPage.Soon);
        await Expect(grid.Locator(".mud-table-pagination")).ToContainTextAsync($"of {items.Count}");
        await Expect(page.GetByTestId("no-items")).ToHaveCountAsync(0);
    }
}
