using Bunit;
using Bunit.Rendering;
using HiBobAdmin.Audit;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.Components.Pages.Layout;
using Microsoft.Extensions.DependencyInjection;
using OverviewPage = HiBobAdmin.Components.Pages.Overview.Overview;

namespace HiBobAdmin.Tests.Components.Pages.Overview;

public sealed class OverviewTests : IAsyncLifetime
{
    private readonly DashboardTestHost _host = new();

    public OverviewTests() => _host.Snapshots.Replace(KnownSnapshot.Create());

    [Fact]
    public void Overview_ShowsTheFiguresOfTheSnapshot_EachLinkedToItsList()
    {
        var page = Render();

        Assert.Equal("4", Value(page, "card-active-employees"));
        Assert.Equal("2", Value(page, "card-inactive-employees"));
        Assert.Equal("50 %", Value(page, "card-matched-share"));
        Assert.Contains("2 of 4 active employees", page.Find("[data-testid=card-matched-share]").TextContent);
        Assert.Equal("/people?status=Matched", Href(page, "card-matched-share"));
        Assert.Equal("/people?status=Leaver", Href(page, "card-inactive-employees"));
        Assert.Equal("3", Value(page, "card-port-active"));
        Assert.Equal("0", Value(page, "card-port-invited"));
        Assert.Equal("1", Value(page, "card-port-staged"));
        Assert.Equal("1", Value(page, "card-port-disabled"));
        Assert.Equal("/review?queue=DisabledAndStagedAccounts", Href(page, "card-port-disabled"));
    }

    [Fact]
    public void Overview_ShowsTheSizeOfEachReviewQueue_LinkedToItsTab()
    {
        var page = Render();

        Assert.Equal("2", Value(page, "card-queue-UnmatchedEmployees"));
        Assert.Equal("2", Value(page, "card-queue-PortUsersWithoutEmployee"));
        Assert.Equal("2", Value(page, "card-queue-DisabledAndStagedAccounts"));
        Assert.Equal("1", Value(page, "card-queue-LeaversWithAccess"));
        Assert.Equal("Leavers with access", page.Find("[data-testid=card-queue-LeaversWithAccess-link]").TextContent.Trim());
        Assert.Equal("/review?queue=UnmatchedEmployees", Href(page, "card-queue-UnmatchedEmployees"));
    }

    [Fact]
    public void Overview_KeepsTheStatusCountsAndChart_AndNoLongerListsEveryone()
    {
        var page = Render();

        Assert.Equal("Matched: 2", Chip(page, LinkStatus.Matched));
        Assert.Equal("HiBob only: 1", Chip(page, LinkStatus.HiBobOnly));
        Assert.Equal("Leaver: 2", Chip(page, LinkStatus.Leaver));
        Assert.Equal("Pending link: 0", Chip(page, LinkStatus.PendingLink));
        Assert.Contains("Read 2026-12-03 09:00:00 UTC", page.Find("[data-testid=snapshot-read-at]").TextContent);
        Assert.Single(page.FindAll("[data-testid=link-status-chart] svg"));
        Assert.Empty(page.FindAll("[data-testid=people-table]"));
    }

    [Fact]
    public void Overview_SaysWhenNothingHasRun_AndWhenTheScheduleRunsNext()
    {
        var page = Render();

        Assert.Equal("No sync has run yet. Start one with \"Run full sync\".", page.Find("[data-testid=no-runs]").TextContent);
        Assert.Equal("Next scheduled run: 2026-12-03 10:00 UTC", page.Find("[data-testid=next-run]").TextContent);
        Assert.Equal("No full sync has finished yet.", page.Find("[data-testid=run-history-empty]").TextContent);
    }

    [Fact]
    public void Overview_SaysScheduleOff_WhenTheScheduleIsEmpty()
    {
        _host.SyncOptions.Schedule = "";

        var page = Render();

        Assert.Equal("Schedule off", page.Find("[data-testid=next-run]").TextContent);
    }

    [Fact]
    public async Task Overview_ShowsTheLastRunWithALinkToIt_AndChartsOnlyFinishedFullRuns()
    {
        var full = FinishedRun(SyncKind.Full, new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        var single = FinishedRun(SyncKind.SingleUser, new DateTimeOffset(2026, 12, 2, 21, 15, 0, TimeSpan.Zero));
        await _host.AddRunAsync(full);
        await _host.AddRunAsync(single);

        var page = Render();

        Assert.Equal($"/runs/{single.Id}", page.Find("[data-testid=last-run-link]").GetAttribute("href"));
        Assert.Equal("Succeeded", page.Find("[data-testid=run-status]").TextContent);
        Assert.Contains("created 1", page.Find("[data-testid=run-counts]").TextContent);
        var chart = page.Find("[data-testid=run-history-chart]").InnerHtml;
        Assert.Contains("12-02 08:05", chart);
        Assert.DoesNotContain("12-02 21:20", chart);
    }

    [Fact]
    public async Task Refresh_ShowsARunAnotherProcessFinished_OnTheLastRunCard()
    {
        var page = Render();
        Assert.NotEmpty(page.FindAll("[data-testid=no-runs]"));

        // A CLI sync in another process records its run in the same database.
        var cli = FinishedRun(SyncKind.Full, new DateTimeOffset(2026, 12, 3, 8, 30, 0, TimeSpan.Zero));
        await _host.AddRunAsync(cli);
        _host.HiBob.ReadFailure = new VendorApiException("HiBob", 503, "HiBob 503: Service Unavailable");
        page.Find("[data-testid=refresh]").Click();

        // The counts stay as they were (HiBob did not answer); the run is shown all the same.
        page.WaitForAssertion(() => Assert.Equal(
            $"/runs/{cli.Id}", page.Find("[data-testid=last-run-link]").GetAttribute("href")));
        Assert.Empty(page.FindAll("[data-testid=no-runs]"));
        Assert.Contains("Could not read both sides: HiBob 503: Service Unavailable", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Overview_EnqueuesNothing_UntilTheAdminClicks_ThenExactlyOneFullSync() // B17
    {
        var page = Render();
        Assert.Empty(_host.Jobs.Created);

        page.Find("[data-testid=run-full-sync]").Click();

        page.WaitForAssertion(() => Assert.Equal("Full sync queued.", page.Find("[data-testid=notice]").TextContent.Trim()));
        var job = Assert.Single(_host.Jobs.Created);
        Assert.Equal(nameof(SyncJobs.RunAsync), job.Method.Name);
        Assert.Equal("Queued", page.Find("[data-testid=run-status]").TextContent);
        Assert.True(page.Find("[data-testid=run-full-sync]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Preview_QueuesOneDryRun_AuditedWithWhoStartedIt()
    {
        _host.Auth.SetAuthorized("ada");
        var page = Render();

        page.Find("[data-testid=preview]").Click();

        page.WaitForAssertion(() => Assert.Equal("Dry run queued.", page.Find("[data-testid=notice]").TextContent.Trim()));
        Assert.Single(_host.Jobs.Created);
        await using var scope = _host.Context.Services.CreateAsyncScope();
        var run = Assert.Single(await scope.ServiceProvider.GetRequiredService<RunStore>().RecentAsync(5, CancellationToken.None));
        Assert.True(run.DryRun);
        Assert.Equal("ada", run.StartedBy);
        var audit = await scope.ServiceProvider.GetRequiredService<AuditLog>()
            .PageAsync(new AuditCriteria(AuditAction.SyncStarted), 0, 10, CancellationToken.None);
        var entry = Assert.Single(audit.Items);
        Assert.Equal("ada", entry.Actor);
        Assert.Equal("Dry run queued (from the dashboard).", entry.Detail);
    }

    [Fact]
    public async Task ApplyPreview_IsOffered_WhenTheLastRunIsAFinishedPreview_AndAppliesThatPreview()
    {
        var preview = new SyncRun
        {
            Id = Guid.NewGuid(),
            Kind = SyncKind.Full,
            DryRun = true,
            Status = SyncRunStatus.Succeeded,
            StartedBy = "ada",
            QueuedAt = DashboardTestHost.Now.AddMinutes(-5),
            StartedAt = DashboardTestHost.Now.AddMinutes(-5),
            FinishedAt = DashboardTestHost.Now.AddMinutes(-4),
            Planned = 2,
            Message = "Dry run: 2 changes planned (…), nothing written.",
        };
        await _host.AddRunAsync(preview);
        var page = Render();

        page.Find("[data-testid=apply-preview]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            $"Full sync applying the plan of run {preview.Id} queued.", page.Find("[data-testid=notice]").TextContent.Trim()));
        Assert.Single(_host.Jobs.Created);
        Assert.Empty(page.FindAll("[data-testid=apply-preview]"));
    }

    [Fact]
    public async Task ApplyPreview_IsNotOffered_WhenThePreviewPlannedNothing()
    {
        await _host.AddRunAsync(new SyncRun
        {
            Id = Guid.NewGuid(),
            Kind = SyncKind.Full,
            DryRun = true,
            Status = SyncRunStatus.Succeeded,
            StartedBy = "ada",
            QueuedAt = DashboardTestHost.Now.AddMinutes(-5),
            FinishedAt = DashboardTestHost.Now.AddMinutes(-4),
            Message = "Dry run: 0 changes planned, nothing written.",
        });

        var page = Render();

        Assert.Empty(page.FindAll("[data-testid=apply-preview]"));
        Assert.Single(page.FindAll("[data-testid=preview]"));
    }

    [Fact]
    public void SyncOnePerson_EnqueuesOneSingleUserSync_AndShowsItsMessage()
    {
        var page = Render();

        page.Find("input[data-testid=single-sync-subject]").Input("cy@example.com");
        page.Find("[data-testid=single-sync]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Sync of cy@example.com queued.",
            page.Find("[data-testid=single-sync-message]").TextContent.Trim()));
        var job = Assert.Single(_host.Jobs.Created);
        Assert.Equal(nameof(SyncJobs.RunAsync), job.Method.Name);
    }

    [Fact]
    public async Task Overview_FollowsProgressRaisedOnAWorkerThread_AndUnsubscribesOnDispose() // B16
    {
        var page = Render();
        page.Find("[data-testid=run-full-sync]").Click();
        var runId = (Guid)_host.Jobs.Created.Single().Args[0]!;
        var hub = _host.Context.Services.GetRequiredService<SyncProgressHub>();
        var run = new SyncRun { Id = runId, Kind = SyncKind.Full, Status = SyncRunStatus.Running, Planned = 10 };

        for (var done = 1; done <= 5; done++)
        {
            run.Done = done;
            await Task.Run(() => hub.Publish(run));
        }

        page.WaitForAssertion(() => Assert.Equal(
            "5 of 10 changes",
            page.Find("[data-testid=last-run] .mud-typography-caption").TextContent.Trim()));
        Assert.Equal(1, hub.SubscriberCount);

        await _host.Context.DisposeComponentsAsync();

        Assert.Equal(0, hub.SubscriberCount);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IRenderedComponent<ContainerFragment> Render() => _host.Render<OverviewPage>();

    private static SyncRun FinishedRun(SyncKind kind, DateTimeOffset startedAt) => new()
    {
        Id = Guid.NewGuid(),
        Kind = kind,
        Trigger = SyncTrigger.Schedule,
        StartedBy = "schedule",
        Status = SyncRunStatus.Succeeded,
        QueuedAt = startedAt,
        StartedAt = startedAt,
        FinishedAt = startedAt.AddMinutes(5),
        Created = 1,
        ActiveEmployees = 4,
        MatchedEmployees = 3,
    };

    private static string Value(IRenderedComponent<ContainerFragment> page, string card) =>
        page.Find($"[data-testid={card}-value]").TextContent.Trim();

    private static string? Href(IRenderedComponent<ContainerFragment> page, string card) =>
        page.Find($"[data-testid={card}-link]").GetAttribute("href");

    private static string Chip(IRenderedComponent<ContainerFragment> page, LinkStatus status) =>
        page.Find($"[data-status-count={status}]").TextContent.Trim();
}
