using Bunit;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using RunsPage = HiBobAdmin.Components.Pages.Runs.Runs;

namespace HiBobAdmin.Tests.Components.Pages.Runs;

public sealed class RunsTests : IAsyncLifetime
{
    private readonly RunsPageHost _host = new();

    [Fact]
    public async Task Runs_ListsKnownRunsNewestFirst_WithTheirValues()
    {
        var older = RunsPageHost.Run(RunsPageHost.Now.AddHours(-2), SyncRunStatus.CompletedWithFailures, SyncTrigger.Cli, "cli");
        older.Created = 3;
        older.Updated = 2;
        older.Linked = 4;
        older.Unchanged = 100;
        older.Skipped = 1;
        older.Failed = 2;
        var newer = RunsPageHost.Run(RunsPageHost.Now.AddHours(-1), SyncRunStatus.Succeeded, SyncTrigger.Schedule, "schedule");
        await _host.AddAsync(older);
        await _host.AddAsync(newer);

        var page = _host.Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        var first = Cells(Rows(page)[0]);
        var second = Cells(Rows(page)[1]);
        Assert.Equal(["Full sync", "Schedule", "schedule", "2026-12-03 09:00:01 UTC", "12.5 s", "Succeeded"], first[..6]);
        Assert.Equal(["Full sync", "CLI", "cli", "2026-12-03 08:00:01 UTC", "12.5 s", "Completed with failures"], second[..6]);
        Assert.Equal("created 3 · updated 2 · linked 4 · unchanged 100 · skipped 1 · failed 2", second[6]);
        Assert.Equal($"/runs/{newer.Id}", Rows(page)[0].QuerySelector("[data-testid=run-link]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Runs_ShowsABlockedRunWithItsOwnStatusChip()
    {
        await _host.AddAsync(RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.Blocked));

        var page = _host.Render<RunsPage>();

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        var chip = page.Find("[data-testid=run-status-chip]");
        Assert.Equal("Blocked", chip.TextContent.Trim());
        Assert.Contains("mud-chip-color-warning", chip.ClassList);
    }

    [Fact]
    public async Task Runs_FollowsAnActiveRun_FromTheHubOnAWorkerThread_AndFromStorage()
    {
        var run = RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.Running);
        run.Planned = 40;
        await _host.AddAsync(run);
        var page = _host.Render<RunsPage>();
        page.WaitForAssertion(() => Assert.Equal("0 of 40 changes", page.Find("[data-testid=run-row-done]").TextContent.Trim()));

        run.Done = 10;
        await Task.Run(() => _host.Hub.Publish(run));

        page.WaitForAssertion(() => Assert.Equal("10 of 40 changes", page.Find("[data-testid=run-row-done]").TextContent.Trim()));

        // Another process saves progress to storage; the page reads it on its next poll.
        await _host.Store.SaveProgressAsync(run.Id, 25, CancellationToken.None);
        _host.Time.Advance(TimeSpan.FromSeconds(2));

        page.WaitForAssertion(() => Assert.Equal("25 of 40 changes", page.Find("[data-testid=run-row-done]").TextContent.Trim()));
    }

    [Fact]
    public async Task Runs_UnsubscribesFromTheHub_WhenDisposed()
    {
        var page = _host.Render<RunsPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=no-runs]")));
        Assert.Equal(1, _host.Hub.SubscriberCount);

        await _host.Context.DisposeComponentsAsync();

        Assert.Equal(0, _host.Hub.SubscriberCount);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        page.FindAll("[data-testid=runs-grid] tbody tr.mud-table-row");

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
}
