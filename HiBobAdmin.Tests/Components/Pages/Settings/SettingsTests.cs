using Bunit;
using Bunit.Rendering;
using HiBobAdmin.Components.Pages.Settings;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Port;
using HiBobAdmin.Tests.Components.Pages.Layout;
using SettingsPage = HiBobAdmin.Components.Pages.Settings.Settings;

namespace HiBobAdmin.Tests.Components.Pages.Settings;

public sealed class SettingsTests : IAsyncLifetime
{
    private const string HiBobToken = "hibob-token-Zq81x";
    private const string PortSecret = "port-secret-Kp42y";

    private readonly DashboardTestHost _host = new();

    public SettingsTests()
    {
        _host.HiBobOptions.BaseUrl = "https://api.sandbox.hibob.com";
        _host.HiBobOptions.ServiceUserId = "SERVICE-4711";
        _host.HiBobOptions.ServiceUserToken = HiBobToken;
        _host.PortOptions.BaseUrl = "https://api.us.port.io";
        _host.PortOptions.ClientId = "client-abc";
        _host.PortOptions.ClientSecret = PortSecret;
    }

    [Fact]
    public void Settings_ShowsTheConfiguration_WithEverySecretMasked()
    {
        var page = Render();

        Assert.Equal("https://api.sandbox.hibob.com", Text(page, "hibob-base-url"));
        Assert.Equal("SERVICE-4711", Text(page, "hibob-service-user"));
        Assert.Equal("••••", Text(page, "hibob-token"));
        Assert.Equal("https://api.us.port.io", Text(page, "port-base-url"));
        Assert.Equal("client-abc", Text(page, "port-client-id"));
        Assert.Equal("••••", Text(page, "port-secret"));
        Assert.Equal("On", Text(page, "sandbox-mode"));
        Assert.DoesNotContain(HiBobToken, page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain(PortSecret, page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_SaysNotSet_WhenASecretIsMissing()
    {
        _host.HiBobOptions.ServiceUserToken = null;
        _host.PortOptions.ClientSecret = " ";

        var page = Render();

        Assert.Equal("not set", Text(page, "hibob-token"));
        Assert.Equal("not set", Text(page, "port-secret"));
    }

    [Fact]
    public void Settings_CallsNoVendorAndEnqueuesNothing_OnFirstRender()
    {
        Render();

        Assert.Equal(0, _host.HiBob.Calls);
        Assert.Equal(0, _host.Port.Calls);
        Assert.Empty(_host.Jobs.Created);
    }

    [Fact]
    public void TestConnection_ShowsTheCallTheAnswerAndWhatToFix_WhenHiBobRefuses()
    {
        _host.HiBob.Answer = new ConnectionCheck(
            false, "GET /v1/company/people/fields", "HiBob refused the service user (401).");
        var page = Render();

        page.Find("[data-testid=test-hibob]").Click();

        var result = page.WaitForElement("[data-testid=connection-result-hibob]");
        Assert.Equal("GET /v1/company/people/fields", result.QuerySelector("[data-testid=connection-call]")!.TextContent);
        Assert.Equal(
            "Answer: HiBob refused the service user (401).",
            result.QuerySelector("[data-testid=connection-answer]")!.TextContent.Trim());
        Assert.StartsWith(
            "What to fix: check HiBob:ServiceUserId and HiBob:ServiceUserToken",
            result.QuerySelector("[data-testid=connection-fix]")!.TextContent.Trim(),
            StringComparison.Ordinal);
        Assert.Equal(1, _host.HiBob.Calls);
    }

    [Fact]
    public void TestConnection_GivesUpWithAnAnswer_WhenTheServiceKeepsItWaiting()
    {
        var test = _host.Context.Render<ConnectionTest>(parameters => parameters
            .Add(p => p.TestId, "slow")
            .Add(p => p.FixHint, "check the network")
            .Add(p => p.Limit, TimeSpan.FromMilliseconds(50))
            .Add(p => p.Check, async token =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return new ConnectionCheck(true, "never", "never");
            }));

        test.Find("[data-testid=test-slow]").Click();

        var result = test.WaitForElement("[data-testid=connection-result-slow]");
        Assert.Equal(
            "Answer: No answer within 0.05 seconds: the service is unreachable or keeps asking to retry.",
            result.QuerySelector("[data-testid=connection-answer]")!.TextContent.Trim());
        Assert.Equal("What to fix: check the network", result.QuerySelector("[data-testid=connection-fix]")!.TextContent.Trim());
    }

    [Fact]
    public void TestConnection_ShowsPortsAnswer_WithoutAFix_WhenPortAccepts()
    {
        _host.Port.Answer = new ConnectionCheck(true, "POST /v1/auth/access_token", "Connected to Port: 12 Port users");
        var page = Render();

        page.Find("[data-testid=test-port]").Click();

        var result = page.WaitForElement("[data-testid=connection-result-port]");
        Assert.Equal(
            "Answer: Connected to Port: 12 Port users",
            result.QuerySelector("[data-testid=connection-answer]")!.TextContent.Trim());
        Assert.Null(result.QuerySelector("[data-testid=connection-fix]"));
    }

    [Fact]
    public void DataModel_IsCheckedOnClick_AndSetUpSaysWhatChanged()
    {
        _host.Port.CheckAnswer = new DataModelStatus(false, ["blueprint hibob_user", "_user relation hibob_user"], []);
        _host.Port.EnsureAnswer = new DataModelStatus(true, [], ["created blueprint hibob_user"]);
        var page = Render();
        Assert.Empty(page.FindAll("[data-testid=data-model-status]"));

        page.Find("[data-testid=data-model-check]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Missing: blueprint hibob_user; _user relation hibob_user",
            page.Find("[data-testid=data-model-missing]").TextContent.Trim()));

        page.Find("[data-testid=data-model-setup]").Click();

        page.WaitForAssertion(() => Assert.Equal(
            "Changed: created blueprint hibob_user",
            page.Find("[data-testid=data-model-changed]").TextContent.Trim()));
        Assert.Contains("The data model is complete.", page.Find("[data-testid=data-model-status]").TextContent);
    }

    [Fact]
    public void Settings_ShowsTheGuardsAndTheProtectedAccounts()
    {
        _host.SyncOptions.MaxChangePercent = 15;
        _host.SyncOptions.ProtectedAccounts.Add("ceo@example.com");

        var page = Render();

        Assert.Equal(
            "Blocked below 80% of the last run's active employees, or above 15% relinked or marked inactive (from 10 changes)",
            string.Join(' ', Text(page, "guards").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal("Port admins, ceo@example.com", Text(page, "protected-accounts"));
    }

    [Fact]
    public void Schedule_ListsTheNextFiveRunsInUtc()
    {
        _host.SyncOptions.Schedule = "0 6 * * 1-5";

        var page = Render();

        Assert.Equal("0 6 * * 1-5", Text(page, "schedule-cron"));
        var next = page.FindAll("[data-testid=schedule-next] .mud-list-item").Select(i => i.TextContent.Trim());
        Assert.Equal(
            [
                "Fri 2026-12-04 06:00 UTC",
                "Mon 2026-12-07 06:00 UTC",
                "Tue 2026-12-08 06:00 UTC",
                "Wed 2026-12-09 06:00 UTC",
                "Thu 2026-12-10 06:00 UTC",
            ],
            next);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IRenderedComponent<ContainerFragment> Render() => _host.Render<SettingsPage>();

    private static string Text(IRenderedComponent<ContainerFragment> page, string testId) =>
        page.Find($"[data-testid={testId}]").TextContent.Trim();
}
