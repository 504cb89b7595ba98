using Bunit;
using HiBobAdmin.Components.Layout;
using HiBobAdmin.Hosting;
using HiBobAdmin.Security;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Components;

namespace HiBobAdmin.Tests.Components.Pages.Layout;

public sealed class MainLayoutTests : IAsyncLifetime
{
    private DashboardTestHost _host = new();

    [Fact]
    public void MainLayout_LinksToEveryPage()
    {
        var layout = Render();

        var links = layout.FindAll("[data-testid=nav] a")
            .Select(a => (a.TextContent.Trim(), a.GetAttribute("href")))
            .ToList();

        Assert.Equal(
            [
                ("Overview", "/"), ("People", "/people"), ("Review", "/review"), ("Decisions", "/decisions"), ("Runs", "/runs"),
                ("Audit log", "/audit"), ("Settings", "/settings"),
            ],
            links);
    }

    [Theory]
    [InlineData(Roles.Viewer)]
    [InlineData(Roles.HrAdmin)]
    public void MainLayout_LeavesOutSettings_ForRolesThatMayNotOpenIt(string role)
    {
        _host.Auth.SignInAs(role);

        var layout = Render();

        var pages = layout.FindAll("[data-testid=nav] a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Overview", "People", "Review", "Decisions", "Runs", "Audit log"], pages);
    }

    [Fact]
    public void MainLayout_SaysSandbox_AndShowsTheBanner_InSandboxMode()
    {
        var layout = Render();

        Assert.Equal("Sandbox", layout.Find("[data-testid=environment]").TextContent.Trim());
        Assert.Contains("Nothing here reaches the real services", layout.Find("[data-testid=sandbox-banner]").TextContent);
        Assert.Equal("Page body", layout.Find("#body").TextContent);
    }

    [Fact]
    public async Task MainLayout_ShowsTheHostsInUse_AndNoBanner_OutsideSandboxMode()
    {
        await _host.DisposeAsync();
        _host = new DashboardTestHost(new EnvironmentInfo(false, "api.hibob.com", "api.us.port.io"));

        var layout = Render();

        Assert.Equal("HiBob: api.hibob.com · Port: api.us.port.io", layout.Find("[data-testid=environment]").TextContent.Trim());
        Assert.Empty(layout.FindAll("[data-testid=sandbox-banner]"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IRenderedComponent<MainLayout> Render() =>
        _host.Context.Render<MainLayout>(parameters => parameters.Add(
            p => p.Body,
            (RenderFragment)(builder =>
            {
                builder.OpenElement(0, "p");
                builder.AddAttribute(1, "id", "body");
                builder.AddContent(2, "Page body");
                builder.CloseElement();
            })));
}
