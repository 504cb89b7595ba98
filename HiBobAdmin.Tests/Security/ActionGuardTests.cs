using System.Security.Claims;
using Bunit;
using Hangfire.Dashboard;
using Hangfire.InMemory;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.Components.Pages.Layout;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using OverviewPage = HiBobAdmin.Components.Pages.Overview.Overview;
using SettingsPage = HiBobAdmin.Components.Pages.Settings.Settings;

namespace HiBobAdmin.Tests.Security;

/// <summary>
/// Buttons a role may not use are not shown, and an action invoked anyway (a forged event, a role taken away while
/// the page was open) is refused on the server before it does anything.
/// </summary>
public sealed class ActionGuardTests : IAsyncLifetime
{
    private readonly DashboardTestHost _host = new();

    public ActionGuardTests() => _host.Snapshots.Replace(KnownSnapshot.Create());

    [Fact]
    public void Viewer_SeesNoSyncOrRefreshButtons_OnTheOverview()
    {
        _host.Auth.SignInAs(Roles.Viewer);

        var page = _host.Render<OverviewPage>();

        Assert.Empty(page.FindAll("[data-testid=run-full-sync]"));
        Assert.Empty(page.FindAll("[data-testid=refresh]"));
        Assert.Empty(page.FindAll("[data-testid=single-sync]"));
        Assert.NotEmpty(page.FindAll("[data-testid=card-matched-share]"));
    }

    [Fact]
    public async Task FullSync_IsRefusedOnTheServer_WhenTheRoleNoLongerAllowsIt()
    {
        _host.Auth.SignInAs(Roles.HrAdmin);
        var page = _host.Render<OverviewPage>();
        var button = page.Find("[data-testid=run-full-sync]");
        _host.Auth.SignInAs(Roles.Viewer);

        var refused = await Assert.ThrowsAsync<ActionRefusedException>(() => button.ClickAsync(new()));

        Assert.Equal("You need the HrAdmin role for this action.", refused.Message);
        Assert.Empty(_host.Jobs.Created);
    }

    [Fact]
    public async Task DataModelSetUp_IsRefusedOnTheServer_ForAnHrAdmin()
    {
        var page = _host.Render<SettingsPage>();
        var button = page.Find("[data-testid=data-model-setup]");
        _host.Auth.SignInAs(Roles.HrAdmin);

        await Assert.ThrowsAsync<ActionRefusedException>(() => button.ClickAsync(new()));

        Assert.Equal(0, _host.Port.Calls);
    }

    [Fact]
    public async Task Guard_CanAsync_FollowsThePoliciesOfTheRole()
    {
        _host.Auth.SignInAs(Roles.HrAdmin);
        var guard = _host.Context.Services.GetRequiredService<ActionGuard>();

        Assert.True(await guard.CanAsync(Policies.View));
        Assert.True(await guard.CanAsync(Policies.Operate));
        Assert.False(await guard.CanAsync(Policies.Administer));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData(Roles.Viewer, false)]
    [InlineData(Roles.HrAdmin, false)]
    [InlineData(Roles.PlatformAdmin, true)]
    public async Task HangfireFilter_AdmitsOnlyPlatformAdmin_ByTheAppsPolicy(string? role, bool admitted)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorizationBuilder().AddHiBobAdminPolicies().Services
            .BuildServiceProvider();
        var http = new DefaultHttpContext
        {
            RequestServices = services,
            User = role is null ? new ClaimsPrincipal(new ClaimsIdentity()) : DashboardClaims.For("someone", role, false),
        };
        http.Connection.RemoteIpAddress = System.Net.IPAddress.Loopback;
        using var storage = new InMemoryStorage();
        var context = new AspNetCoreDashboardContext(storage, new Hangfire.DashboardOptions(), http);

        var result = await new HangfireDashboardAuthorization().AuthorizeAsync(context);

        Assert.Equal(admitted, result);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
