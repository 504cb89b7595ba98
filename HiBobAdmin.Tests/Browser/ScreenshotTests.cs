using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HiBobAdmin.Tests.Browser;

/// <summary>
/// Keeps README's screenshots current: every page at 1440×900 after a full sync of the sandbox, written to
/// docs/screenshots/. The assertions make sure each picture shows the page with its data, not a loading state.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class ScreenshotTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    [Fact]
    public async Task EveryPage_IsCapturedWithData_AfterAFullSync()
    {
        await using var app = await StaticWebAssets.StartSandboxAppAsync();
        var run = await app.RunFullSyncAsync();
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        var folder = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(folder);
        var page = await chromium.NewPageAsync(app);

        await CaptureAsync(page, "/", page.GetByTestId("run-status"), "overview.png", folder);
        await CaptureAsync(page, "/people", page.GetByTestId("people-grid").Locator(".status-chip").First, "people.png", folder);
        await CaptureAsync(page, "/review", page.GetByRole(AriaRole.Tab).First, "review.png", folder);
        await CaptureAsync(page, "/runs", page.GetByTestId("run-link").First, "runs.png", folder);
        await CaptureAsync(page, $"/runs/{run.Id}", page.GetByTestId("run-items-grid").Locator("tbody tr").First, "run-detail.png", folder);
        await CaptureAsync(page, "/settings", page.GetByText("Test connection").First, "settings.png", folder);

        foreach (var name in new[] { "overview", "people", "review", "runs", "run-detail", "settings" })
        {
            Assert.True(new FileInfo(Path.Combine(folder, $"{name}.png")).Length > 10_000, $"{name}.png looks empty");
        }
    }

    private static async Task CaptureAsync(IPage page, string path, ILocator ready, string file, string folder)
    {
        await page.OpenAsync(path);
        await Expect(ready).ToBeVisibleAsync(BlazorPage.Soon);
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, file) });
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "HiBobAdmin.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("HiBobAdmin.sln not found above the test binaries.");
    }
}
