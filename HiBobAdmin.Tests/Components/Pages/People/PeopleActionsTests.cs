using Bunit;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;
using MudBlazor;

namespace HiBobAdmin.Tests.Components.Pages.People;

public sealed class PeopleActionsTests : IAsyncLifetime
{
    private PeoplePageHost _host = null!;

    [Fact]
    public async Task SyncThisPerson_EnqueuesOneSingleUserSync_WithTheEmployeesEmail()
    {
        await _host.DisposeAsync();
        _host = new PeoplePageHost(PeopleTestData.Small(null,
            PeopleTestData.Matched("1", "Ana@Example.com"),
            PeopleTestData.HiBobOnly("2", "bo@example.com")));
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=sync-person]").Count));
        Assert.Empty(_host.Jobs.Created);

        page.FindAll("[data-testid=sync-person]")[0].Click();

        page.WaitForAssertion(() => Assert.Single(_host.Jobs.Created));
        var run = Assert.Single(await _host.RunsAsync());
        Assert.Equal("Ana@Example.com", run.Subject);
        Assert.Equal((Guid)_host.Jobs.Created[0].Args[0]!, run.Id);
        Assert.Equal("Sync of Ana@Example.com queued.", Assert.Single(_host.Snackbar.ShownSnackbars).Message);
    }

    [Fact]
    public async Task SyncThisPerson_UsesTheEmployeeId_WhenThereIsNoEmail()
    {
        var noEmail = new PersonRow(PeopleTestData.Employee("1012", null), null, LinkStatus.NoEmail, null, "No email.");
        await _host.DisposeAsync();
        _host = new PeoplePageHost(PeopleTestData.Small(null, noEmail));
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=sync-person]")));

        page.Find("[data-testid=sync-person]").Click();

        page.WaitForAssertion(() => Assert.Single(_host.Jobs.Created));
        Assert.Equal("1012", Assert.Single(await _host.RunsAsync()).Subject);
    }

    [Fact]
    public async Task SyncSelected_QueuesOnePerPerson_AndReportsRefusals()
    {
        await _host.DisposeAsync();
        _host = new PeoplePageHost(PeopleTestData.Small(null,
            PeopleTestData.Matched("1", "ana@example.com"),
            PeopleTestData.HiBobOnly("2", "bo@example.com"),
            PeopleTestData.PortOnly("cy@example.com")));
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=sync-person]").Count));
        page.FindAll("[data-testid=sync-person]")[1].Click(); // bo is now active, so the batch refuses bo
        page.WaitForAssertion(() => Assert.Single(_host.Jobs.Created));

        foreach (var box in page.FindAll("[data-testid=people-grid] tbody input[type=checkbox]"))
        {
            box.Change(true);
        }

        page.Find("[data-testid=sync-selected]").Click();

        page.WaitForAssertion(() => Assert.Equal(3, _host.Jobs.Created.Count));
        var subjects = (await _host.RunsAsync()).Select(r => r.Subject).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["ana@example.com", "bo@example.com", "cy@example.com"], subjects);
        Assert.Equal("2 sync(s) queued, 1 refused.", _host.Snackbar.ShownSnackbars.Last().Message);
    }

    [Fact]
    public async Task OpenInPort_LinksToTheUserEntity()
    {
        await _host.DisposeAsync();
        _host = new PeoplePageHost(PeopleTestData.Small(null, PeopleTestData.PortOnly("o'neil+x@example.com")));
        var page = _host.Render();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=open-in-port]")));

        Assert.Equal(
            "https://app.port.io/_userEntity?identifier=o%27neil%2Bx%40example.com",
            page.Find("[data-testid=open-in-port]").GetAttribute("href"));
    }

    [Fact]
    public async Task OpenInPort_IsDisabled_InTheSandbox()
    {
        await _host.DisposeAsync();
        _host = new PeoplePageHost(PeopleTestData.Small(null, PeopleTestData.PortOnly("a@example.com")), isSandbox: true);
        var page = _host.Render();

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=open-in-port]")));

        Assert.True(page.Find("[data-testid=open-in-port]").HasAttribute("disabled"));
        Assert.Null(page.Find("[data-testid=open-in-port]").GetAttribute("href"));
    }

    [Fact]
    public async Task Explain_OpensADialog_WithTheRowsExplanation()
    {
        await _host.DisposeAsync();
        var plan = new SyncPlan([], [new UserLinkWrite(UserLinkKind.Link, "Ana@example.com", "1", null)], [], 0);
        var row = new PersonRow(
            PeopleTestData.Employee("1", "ana@example.com", name: "Ana"),
            new PortUser("Ana@example.com", null, "Active", "Standard", null),
            LinkStatus.PendingLink,
            "ana@example.com",
            "Not linked yet.");
        _host = new PeoplePageHost(PeopleTestData.Small(plan, row));
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=explain-person]")));

        page.Find("[data-testid=explain-person]").Click();

        page.WaitForAssertion(() => Assert.Equal("Not linked yet.", page.Find("[data-testid=explain-reason]").TextContent));
        Assert.Equal("\"Ana@example.com\", normalised ana@example.com", page.Find("[data-testid=explain-port-identifier]").TextContent);
        Assert.Equal("Links the Port user Ana@example.com to HiBob id 1.", page.Find("[data-testid=explain-next-sync] li").TextContent);
    }

    [Fact]
    public async Task DisableInPort_IsOfferedOnlyForALeaverWithAccess_AndDisablesAfterConfirmation()
    {
        var leaver = new PersonRow(
            PeopleTestData.Employee("1020", "leo@example.com", active: false),
            new PortUser("leo@example.com", null, "Active", "Standard", "1020"),
            LinkStatus.Leaver,
            "leo@example.com",
            "A leaver.");
        await _host.DisposeAsync();
        _host = new PeoplePageHost(PeopleTestData.Small(null, PeopleTestData.Matched("1", "ana@example.com"), leaver));
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=disable-person]")));

        page.Find("[data-testid=disable-person]").Click();
        var dialog = page.WaitForElement(".mud-dialog");
        Assert.Contains("This sets the Port user leo@example.com to Disabled", dialog.TextContent, StringComparison.Ordinal);
        page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Disable").Click();

        page.WaitForAssertion(() => Assert.Equal(["leo@example.com"], _host.Port.DisabledUsers));
        Assert.Equal("1 disabled.", Assert.Single(_host.Snackbar.ShownSnackbars).Message);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=disable-person]")));
    }

    public Task InitializeAsync()
    {
        _host = new PeoplePageHost(PeopleTestData.Small());
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
