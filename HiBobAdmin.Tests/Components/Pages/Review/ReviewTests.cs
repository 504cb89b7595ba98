using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using HiBobAdmin.Hosting;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.Components.Pages.Layout;
using ReviewPage = HiBobAdmin.Components.Pages.Review.Review;

namespace HiBobAdmin.Tests.Components.Pages.Review;

public sealed class ReviewTests : IAsyncLifetime
{
    private DashboardTestHost _host = new();

    public ReviewTests() => _host.Snapshots.Replace(KnownSnapshot.Create());

    [Fact]
    public void Review_HasOneTabPerQueue_WithItsCount()
    {
        var page = _host.Render<ReviewPage>();

        var tabs = page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()).ToList();

        Assert.Equal(
            [
                "Unmatched employees (2)",
                "Port users without an employee (2)",
                "Disabled and staged accounts (2)",
                "Leavers with access (1)",
            ],
            tabs);
    }

    [Fact]
    public void Review_ListsTheUnmatchedEmployees_WithReasonAndFix()
    {
        var page = _host.Render<ReviewPage>();

        var rows = Rows(page);

        Assert.Equal(2, rows.Count);
        var cy = rows.Single(r => r.TextContent.Contains("Cy", StringComparison.Ordinal));
        var dee = rows.Single(r => r.TextContent.Contains("Dee", StringComparison.Ordinal));
        Assert.Equal("No Port user has cy@example.com.", cy.QuerySelector("[data-testid=reason]")!.TextContent);
        Assert.NotNull(cy.QuerySelector("[data-testid=sync-row]"));
        Assert.Null(dee.QuerySelector("[data-testid=sync-row]"));
        Assert.Equal("Reconcile all (2 changes)", page.Find("[data-testid=reconcile-all]").TextContent.Trim());
    }

    [Fact]
    public void Review_OpensTheQueueNamedInTheAddress_WithDisableInsteadOfReconcile()
    {
        _host.Navigation.NavigateTo("/review?queue=leaverswithaccess");

        var page = _host.Render<ReviewPage>();

        var eve = Assert.Single(Rows(page));
        Assert.Contains("eve@example.com", eve.TextContent, StringComparison.Ordinal);
        Assert.Contains("never deletes it", page.Find("[data-testid=queue-note]").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=reconcile-all]"));
        Assert.Equal("Disable all in Port (1)", page.Find("[data-testid=disable-all]").TextContent.Trim());
        Assert.NotNull(eve.QuerySelector("[data-testid=disable-row]"));
        Assert.NotNull(eve.QuerySelector("[data-testid=sync-row]"));
    }

    [Fact]
    public void Review_DisablesTheVendorLinks_InSandboxMode()
    {
        var page = _host.Render<ReviewPage>();

        var cy = Rows(page).Single(r => r.TextContent.Contains("Cy", StringComparison.Ordinal));

        Assert.True(cy.QuerySelector("[data-testid=open-in-hibob]")!.HasAttribute("disabled"));
    }

    [Fact]
    public async Task Review_LinksToHiBobAndPort_OutsideSandboxMode()
    {
        await _host.DisposeAsync();
        _host = new DashboardTestHost(new EnvironmentInfo(false, "api.hibob.com", "api.us.port.io"));
        _host.Snapshots.Replace(KnownSnapshot.Create());
        _host.Navigation.NavigateTo("/review?queue=LeaversWithAccess");

        var page = _host.Render<ReviewPage>();

        var eve = Assert.Single(Rows(page));
        Assert.Equal(
            "https://app.hibob.com/employee-profile/5",
            eve.QuerySelector("[data-testid=open-in-hibob]")!.GetAttribute("href"));
        Assert.Equal(
            "https://app.us.port.io/_userEntity?identifier=eve%40example.com",
            eve.QuerySelector("[data-testid=open-in-port]")!.GetAttribute("href"));
    }

    [Fact]
    public void Sync_EnqueuesOneSingleUserSyncOfThatEmployee_AndNothingOnFirstRender()
    {
        var page = _host.Render<ReviewPage>();
        Assert.Empty(_host.Jobs.Created);

        Rows(page).Single(r => r.TextContent.Contains("Cy", StringComparison.Ordinal))
            .QuerySelector("[data-testid=sync-row]")!.Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Sync of cy@example.com queued.",
            page.Find("[data-testid=notice]").TextContent.Trim()));
        Assert.Equal(nameof(SyncJobs.RunAsync), Assert.Single(_host.Jobs.Created).Method.Name);
    }

    [Fact]
    public void ReconcileAll_EnqueuesNothingUntilConfirmed_ThenOneFullSync()
    {
        var page = _host.Render<ReviewPage>();

        page.Find("[data-testid=reconcile-all]").Click();

        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains(
            "This makes 2 changes for this queue: 1 new Port user (Port sends no invitation), "
            + "1 new hibob_user entity. It runs one full sync, which also applies the 1 other planned change "
            + "for people outside this queue.",
            dialog.TextContent,
            StringComparison.Ordinal);
        Assert.Empty(_host.Jobs.Created);

        Button(page, "Run full sync").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Full sync queued.",
            page.Find("[data-testid=notice]").TextContent.Trim()));
        Assert.Equal(nameof(SyncJobs.RunAsync), Assert.Single(_host.Jobs.Created).Method.Name);
    }

    [Fact]
    public void ReconcileAll_EnqueuesNothing_WhenCancelled()
    {
        var page = _host.Render<ReviewPage>();
        page.Find("[data-testid=reconcile-all]").Click();
        page.WaitForElement(".mud-dialog");

        Button(page, "Cancel").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.Empty(_host.Jobs.Created);
        Assert.Empty(page.FindAll("[data-testid=notice]"));
    }

    [Fact]
    public void ReconcileAll_IsDisabled_WhenTheQueueHasNothingToWrite()
    {
        _host.Navigation.NavigateTo("/review?queue=PortUsersWithoutEmployee");

        var page = _host.Render<ReviewPage>();

        Assert.Equal("Reconcile all (0 changes)", page.Find("[data-testid=reconcile-all]").TextContent.Trim());
        Assert.True(page.Find("[data-testid=reconcile-all]").HasAttribute("disabled"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private static List<IElement> Rows(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("[data-testid=queue-table] tbody tr").ToList();

    private static IElement Button(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);
}
