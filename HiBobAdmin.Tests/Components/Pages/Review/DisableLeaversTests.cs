using AngleSharp.Dom;
using Bunit;
using Bunit.Rendering;
using HiBobAdmin.Audit;
using HiBobAdmin.Components.Pages.Review;
using HiBobAdmin.Matching;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.Components.Pages.Layout;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using ReviewPage = HiBobAdmin.Components.Pages.Review.Review;

namespace HiBobAdmin.Tests.Components.Pages.Review;

/// <summary>"Disable in Port" on the leavers queue and the people row: confirmed first, audited, PlatformAdmin only.</summary>
public sealed class DisableLeaversTests : IAsyncLifetime
{
    private readonly DashboardTestHost _host = new();

    public DisableLeaversTests()
    {
        _host.Snapshots.Replace(KnownSnapshot.Create());
        _host.Navigation.NavigateTo("/review?queue=LeaversWithAccess");
    }

    [Fact]
    public async Task Cancel_DisablesNobody_AndRecordsNothing()
    {
        var page = _host.Render<ReviewPage>();
        Rows(page).Single().QuerySelector("[data-testid=disable-row]")!.Click();
        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("This sets the Port user eve@example.com to Disabled", dialog.TextContent, StringComparison.Ordinal);

        Button(page, "Cancel").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll(".mud-dialog")));
        Assert.Empty(_host.Port.DisabledUsers);
        Assert.Empty(await AuditAsync());
        Assert.Equal("Active", _host.Snapshots.Current!.People.Single(p => p.Employee?.Id == "5").PortUser!.Status);
    }

    [Fact]
    public async Task Confirm_DisablesThePerson_AuditsIt_AndEmptiesTheQueue()
    {
        var page = _host.Render<ReviewPage>();
        Rows(page).Single().QuerySelector("[data-testid=disable-row]")!.Click();
        page.WaitForElement(".mud-dialog");

        Button(page, "Disable").Click();

        page.WaitForAssertion(() => Assert.Equal("1 disabled.", page.Find("[data-testid=notice]").TextContent.Trim()));
        Assert.Equal(["eve@example.com"], _host.Port.DisabledUsers);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(AuditAction.AccountDisabled, entry.Action);
        Assert.Equal("eve@example.com", entry.Subject);
        Assert.Equal(ComponentSignInName, entry.Actor);
        page.WaitForAssertion(() => Assert.Contains(
            "Leavers with access (0)",
            page.FindAll(".mud-tab").Select(t => t.TextContent.Trim())));
    }

    [Fact]
    public async Task DisableAll_NamesEveryone_GoesOnAfterAFailure_AndReportsIt()
    {
        var snapshot = KnownSnapshot.Create();
        _host.Snapshots.Replace(snapshot with
        {
            People =
            [
                .. snapshot.People,
                Leaver("7", "hal@example.com"),
                Leaver("8", "ida@example.com"),
            ],
        });
        _host.Port.DisableFailures["hal@example.com"] = "Port 422: property status must be one of the allowed values";
        var page = _host.Render<ReviewPage>();

        page.Find("[data-testid=disable-all]").Click();
        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("Disable 3 accounts in Port?", dialog.TextContent, StringComparison.Ordinal);
        Assert.Contains(
            "This sets 3 Port users to Disabled: eve@example.com, hal@example.com, ida@example.com.",
            dialog.TextContent,
            StringComparison.Ordinal);
        Button(page, "Disable").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "2 disabled, 1 failed: hal@example.com (Port 422: property status must be one of the allowed values).",
            page.Find("[data-testid=notice]").TextContent.Trim()));
        Assert.Equal(["eve@example.com", "ida@example.com"], _host.Port.DisabledUsers);
        Assert.Equal(2, (await AuditAsync()).Count);
        page.WaitForAssertion(() => Assert.Contains(
            "hal@example.com",
            Assert.Single(Rows(page)).TextContent,
            StringComparison.Ordinal));
    }

    [Fact]
    public void HrAdmin_SeesNoDisableButtons()
    {
        _host.Auth.SignInAs(Roles.HrAdmin);

        var page = _host.Render<ReviewPage>();

        Assert.Empty(page.FindAll("[data-testid=disable-all]"));
        Assert.Empty(page.FindAll("[data-testid=disable-row]"));
        Assert.NotEmpty(page.FindAll("[data-testid=sync-row]"));
    }

    [Fact]
    public async Task Disable_IsRefusedOnTheServer_ForAnHrAdmin()
    {
        var page = _host.Render<ReviewPage>();
        var panel = page.FindComponents<ReviewQueuePanel>().Single(p => p.Instance.Queue == ReviewQueue.LeaversWithAccess);
        var eve = panel.Instance.Rows.Single();
        _host.Auth.SignInAs(Roles.HrAdmin);

        // A forged event: the HrAdmin's page shows no button, so the panel's callbacks are invoked directly.
        var one = await Assert.ThrowsAsync<ActionRefusedException>(
            () => panel.InvokeAsync(() => panel.Instance.OnDisable.InvokeAsync(eve)));
        var all = await Assert.ThrowsAsync<ActionRefusedException>(
            () => panel.InvokeAsync(() => panel.Instance.OnDisableAll.InvokeAsync()));

        Assert.Equal("You need the PlatformAdmin role for this action.", one.Message);
        Assert.Equal(one.Message, all.Message);
        Assert.Empty(page.FindAll(".mud-dialog"));
        Assert.Empty(_host.Port.DisabledUsers);
        Assert.Empty(await AuditAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private const string ComponentSignInName = ComponentSignIn.UserName;

    private static PersonRow Leaver(string id, string email) => new(
        new Employee { Id = id, DisplayName = "Person " + id, Email = email, IsActive = false },
        new PortUser(email, null, "Active", "Standard", id),
        LinkStatus.Leaver,
        email,
        "A leaver.");

    private async Task<IReadOnlyList<AuditEntry>> AuditAsync()
    {
        var page = await _host.Context.Services.GetRequiredService<AuditLog>()
            .PageAsync(new AuditCriteria(), 0, 100, CancellationToken.None);
        return page.Items;
    }

    private static List<IElement> Rows(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("[data-testid=queue-table] tbody tr").ToList();

    private static IElement Button(IRenderedComponent<ContainerFragment> page, string text) =>
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == text);
}
