using Bunit;
using Bunit.Rendering;
using HiBobAdmin.Audit;
using HiBobAdmin.Components.Pages.Runs;
using HiBobAdmin.Storage;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace HiBobAdmin.Tests.Components.Pages.Runs;

public sealed class RunDecisionTests : IAsyncLifetime
{
    private readonly RunsPageHost _host = new();

    private async Task<SyncRun> AddBlockedRunAsync()
    {
        var run = RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.Blocked);
        run.Planned = 1;
        run.Message = "Blocked: this run would mark inactive 3 of 10 hibob_user entities (30%, threshold 20%).";
        await _host.AddAsync(run, new SyncRunItem
        {
            Subject = "1001",
            Name = "Ana",
            Action = SyncItemAction.MarkInactive,
            Outcome = SyncItemOutcome.Planned,
            Message = "state: \"Active\" → \"Inactive\"",
        });
        return run;
    }

    private IRenderedComponent<ContainerFragment> RenderDetail(Guid id) =>
        _host.Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<RunDetail>(2);
            builder.AddAttribute(3, "Id", id);
            builder.CloseComponent();
        });

    private static void ClickDialogButton(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text).Click();

    [Fact]
    public async Task BlockedRun_ShowsItsReasonAndPlannedItems_AndApplyAnywayStartsNothingUntilConfirmed()
    {
        var run = await AddBlockedRunAsync();

        var page = RenderDetail(run.Id);
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".mud-table-body tr")));
        page.Find("[data-testid=apply-anyway]").Click();
        var dialog = page.WaitForElement(".mud-dialog");

        Assert.Equal("Blocked", page.Find("[data-testid=run-status]").TextContent);
        Assert.Equal(run.Message, page.Find("[data-testid=run-message]").TextContent);
        Assert.Contains("state: \"Active\" → \"Inactive\"", page.Find(".mud-table-body tr").TextContent, StringComparison.Ordinal);
        Assert.Contains(
            "Applying it writes its 1 planned changes to Port with the guards waived for this run only.",
            dialog.TextContent,
            StringComparison.Ordinal);
        ClickDialogButton(page, "Cancel");
        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.Empty(_host.Jobs.Created);
        Assert.Null((await _host.Store.FindAsync(run.Id, CancellationToken.None))!.ApprovedBy);
    }

    [Fact]
    public async Task ApplyAnyway_OnceConfirmed_StartsOneRunBasedOnTheBlockedOne_AuditedWithWhoApproved()
    {
        _host.Auth.SetAuthorized("ada");
        var run = await AddBlockedRunAsync();
        var page = RenderDetail(run.Id);
        page.WaitForElement("[data-testid=apply-anyway]").Click();
        page.WaitForElement(".mud-dialog");

        ClickDialogButton(page, "Apply anyway");

        page.WaitForAssertion(() => Assert.Single(_host.Jobs.Created));
        var navigation = _host.Context.Services.GetRequiredService<NavigationManager>();
        var started = (await _host.Store.RecentAsync(5, CancellationToken.None)).Single(r => r.Id != run.Id);
        Assert.Equal(run.Id, started.BasedOnRunId);
        Assert.True(started.WaiveGuards);
        Assert.Equal("ada", started.StartedBy);
        Assert.EndsWith($"/runs/{started.Id}", navigation.Uri, StringComparison.Ordinal);
        Assert.Equal("ada", (await _host.Store.FindAsync(run.Id, CancellationToken.None))!.ApprovedBy);
        var audit = (await _host.Audit.PageAsync(new AuditCriteria(AuditAction.SyncApproved), 0, 10, CancellationToken.None)).Items;
        Assert.Equal("ada", Assert.Single(audit).Actor);
    }

    [Fact]
    public async Task ApprovedBlockedRun_SaysWhoApproved_AndOffersNoSecondApproval()
    {
        var run = await AddBlockedRunAsync();
        await _host.Store.TryApproveAsync(run.Id, "ada", RunsPageHost.Now.AddMinutes(5), CancellationToken.None);

        var page = RenderDetail(run.Id);

        page.WaitForAssertion(() => Assert.Equal(
            "Approved by ada on 2026-12-03 10:05:00 UTC.", page.Find("[data-testid=approved-by]").TextContent.Trim()));
        Assert.Empty(page.FindAll("[data-testid=apply-anyway]"));
    }

    [Fact]
    public async Task Preview_OffersApply_WhichStartsOneRunBasedOnIt()
    {
        var preview = RunsPageHost.Run(RunsPageHost.Now, SyncRunStatus.Succeeded);
        preview.DryRun = true;
        preview.Planned = 3;
        await _host.AddAsync(preview);
        var page = RenderDetail(preview.Id);

        page.WaitForElement("[data-testid=apply-preview]").Click();

        page.WaitForAssertion(() => Assert.Single(_host.Jobs.Created));
        var started = (await _host.Store.RecentAsync(5, CancellationToken.None)).Single(r => r.Id != preview.Id);
        Assert.Equal(preview.Id, started.BasedOnRunId);
        Assert.False(started.WaiveGuards);
        Assert.Equal("test-admin", started.StartedBy);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
