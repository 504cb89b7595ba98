using Bunit;
using HiBobAdmin.Components.Pages.Runs;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using MudBlazor;

namespace HiBobAdmin.Tests.Components.Pages.Runs;

public sealed class RunDetailTests : IAsyncLifetime
{
    private readonly RunsPageHost _host = new();

    [Fact]
    public async Task RunDetail_ShowsTheSummaryAndEveryItem()
    {
        var run = await AddRunWithItemsAsync();

        var page = _host.Render<RunDetail>(run.Id);

        page.WaitForAssertion(() => Assert.Equal(5, Rows(page).Count));
        Assert.Equal("CompletedWithFailures", page.Find("[data-testid=run-status]").TextContent);
        Assert.Equal(["1001", "Ana", "Create entity", "Applied", ""], Cells(Rows(page)[0]));
        Assert.Equal(["bo@example.com", "Bo", "Link", "Failed", "Port 422: fake: property x is not allowed"], Cells(Rows(page)[2]));
    }

    [Fact]
    public async Task RunDetail_FiltersByOutcomeActionAndText_OnTheServer()
    {
        var run = await AddRunWithItemsAsync();
        var page = _host.Render<RunDetail>(run.Id);
        page.WaitForAssertion(() => Assert.Equal(5, Rows(page).Count));

        await SetCriteriaAsync(page, new RunItemCriteria(Outcome: SyncItemOutcome.Failed));
        page.WaitForAssertion(() => Assert.Equal(["bo@example.com", "cy@example.com"], Subjects(page)));

        await SetCriteriaAsync(page, new RunItemCriteria(Outcome: SyncItemOutcome.Failed, Action: SyncItemAction.LinkUser));
        page.WaitForAssertion(() => Assert.Equal(["bo@example.com"], Subjects(page)));

        await SetCriteriaAsync(page, new RunItemCriteria(Search: "APOSTROPHE"));
        page.WaitForAssertion(() => Assert.Equal(["1004"], Subjects(page)));
        Assert.Contains("1-1 of 1", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunStore_ItemPage_CountsAllMatches_AndPages()
    {
        var run = RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.Succeeded);
        var items = Enumerable.Range(1, 120)
            .Select(i => new SyncRunItem { Subject = $"{i:D4}", Action = SyncItemAction.UpdateEntity, Outcome = SyncItemOutcome.Applied })
            .ToArray();
        await _host.AddAsync(run, items);

        var page = await _host.Store.ItemPageAsync(run.Id, new RunItemCriteria(Search: "011"), 1, 5, CancellationToken.None);

        Assert.Equal(11, page.Total); // 0011 and 0110 … 0119
        Assert.Equal(["0114", "0115", "0116", "0117", "0118"], page.Items.Select(i => i.Subject));
    }

    [Fact]
    public async Task RunDetail_ShowsLiveProgress_FromAWorkerThread_ThenTheStoredOutcome()
    {
        var run = RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.Running);
        run.Planned = 10;
        await _host.AddAsync(run);
        var page = _host.Render<RunDetail>(run.Id);
        page.WaitForAssertion(() => Assert.Equal("0 of 10 changes", Progress(page)));

        for (var done = 1; done <= 6; done++)
        {
            run.Done = done;
            await Task.Run(() => _host.Hub.Publish(run));
        }

        page.WaitForAssertion(() => Assert.Equal("6 of 10 changes", Progress(page)));

        run.Done = 10;
        run.Status = SyncRunStatus.Succeeded;
        run.FinishedAt = RunsPageHost.Now.AddSeconds(20);
        run.Updated = 10;
        await _host.Store.SaveAsync(run, CancellationToken.None);
        await Task.Run(() => _host.Hub.Publish(run));

        page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find("[data-testid=run-status]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=run-progress]"));
        Assert.Contains("updated 10", page.Find("[data-testid=run-counts]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunDetail_FollowsARunOfAnotherProcess_ByPollingStorage()
    {
        var run = RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.Running, SyncTrigger.Cli, "cli");
        run.Planned = 50;
        await _host.AddAsync(run);
        var page = _host.Render<RunDetail>(run.Id);
        page.WaitForAssertion(() => Assert.Equal("0 of 50 changes", Progress(page)));

        await _host.Store.SaveProgressAsync(run.Id, 20, CancellationToken.None);
        _host.Time.Advance(TimeSpan.FromSeconds(2));

        page.WaitForAssertion(() => Assert.Equal("20 of 50 changes", Progress(page)));
    }

    [Fact]
    public void RunDetail_SaysSo_WhenTheRunIsUnknown()
    {
        var page = _host.Render<RunDetail>(Guid.NewGuid());

        page.WaitForAssertion(() => Assert.Equal(
            "No run with this id was recorded.",
            page.Find("[data-testid=run-not-found]").TextContent.Trim()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<SyncRun> AddRunWithItemsAsync()
    {
        var run = RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.CompletedWithFailures);
        await _host.AddAsync(
            run,
            Item("1001", "Ana", SyncItemAction.CreateEntity, SyncItemOutcome.Applied),
            Item("ana@example.com", "Ana", SyncItemAction.LinkUser, SyncItemOutcome.Applied),
            Item("bo@example.com", "Bo", SyncItemAction.LinkUser, SyncItemOutcome.Failed,
                "Port 422: fake: property x is not allowed"),
            Item("cy@example.com", "Cy", SyncItemAction.CreateUser, SyncItemOutcome.Failed, "Port 500"),
            Item("1004", "O'Neil", SyncItemAction.Skip, SyncItemOutcome.Skipped,
                "The email contains an apostrophe (')."));
        return run;
    }

    private static SyncRunItem Item(
        string subject, string name, SyncItemAction action, SyncItemOutcome outcome, string? message = null) =>
        new() { Subject = subject, Name = name, Action = action, Outcome = outcome, Message = message };

    private static Task SetCriteriaAsync(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, RunItemCriteria criteria)
    {
        var bar = page.FindComponent<RunItemFilterBar>();
        return bar.InvokeAsync(() => bar.Instance.CriteriaChanged.InvokeAsync(criteria));
    }

    private static string Progress(IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        page.Find("[data-testid=last-run] .mud-typography-caption").TextContent.Trim();

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        page.FindAll("[data-testid=run-items-grid] tbody tr.mud-table-row");

    private static string[] Subjects(IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        [.. Rows(page).Select(r => Cells(r)[0])];

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
}
