using System.Net;
using HiBobAdmin.Port;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.Port;

public sealed class PortServiceCollectionExtensionsTests
{
    private const string EmptyPage = """{"ok":true,"entities":[]}""";

    [Theory]
    [InlineData("client-id-123", "", "Port:ClientSecret is required when Port:ClientId is set")]
    [InlineData("", "client-secret", "Port:ClientId is required when Port:ClientSecret is set")]
    public void AddPort_FailsStartupNamingTheMissingKey_WhenOnlyOneCredentialIsSet(
        string clientId,
        string clientSecret,
        string expected)
    {
        using var host = new PortTestHost(
            (_, _) => new HttpResponseMessage(HttpStatusCode.OK),
            settings: new Dictionary<string, string?>
            {
                ["Port:ClientId"] = clientId,
                ["Port:ClientSecret"] = clientSecret,
            });

        var error = Assert.Throws<OptionsValidationException>(() =>
            host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal([expected], error.Failures);
    }

    [Fact]
    public void AddPort_FailsStartup_WhenMaxConcurrentRequestsIsZero()
    {
        using var host = new PortTestHost(
            (_, _) => new HttpResponseMessage(HttpStatusCode.OK),
            settings: new Dictionary<string, string?> { ["Sync:MaxConcurrentRequests"] = "0" });

        var error = Assert.Throws<OptionsValidationException>(() =>
            host.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(["Sync:MaxConcurrentRequests must be between 1 and 20"], error.Failures);
    }

    [Fact]
    public void AddPort_StartsWithDefaults_WhenNoCredentialsAreConfigured()
    {
        using var host = new PortTestHost(
            (_, _) => new HttpResponseMessage(HttpStatusCode.OK),
            settings: new Dictionary<string, string?> { ["Port:ClientId"] = null, ["Port:ClientSecret"] = null });

        host.Services.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("https://api.port.io", host.Services.GetRequiredService<IOptions<PortOptions>>().Value.BaseUrl);
        Assert.Equal(4, host.Services.GetRequiredService<IOptions<PortWriteOptions>>().Value.MaxConcurrentRequests);
    }

    [Theory]
    [InlineData("https://api.us.port.io/v1/")]
    [InlineData("https://api.us.port.io/v1")]
    [InlineData("https://api.us.port.io/")]
    [InlineData(" https://api.us.port.io ")]
    public async Task ReadUsersAsync_CallsV1RoutesOnce_WhenBaseUrlEndsWithSlashOrV1(string baseUrl)
    {
        using var host = new PortTestHost(
            PortStub.Route((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, EmptyPage)),
            settings: new Dictionary<string, string?> { ["Port:BaseUrl"] = baseUrl });

        await host.Catalog.ReadUsersAsync(null, default);

        Assert.Equal(
            ["https://api.us.port.io/v1/auth/access_token",
                "https://api.us.port.io/v1/blueprints/_user/entities/search"],
            host.Stub.Requests.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task ReadUsersAsync_UsesPostConfiguredBaseUrl_WhenHostSwitchesToSandbox()
    {
        using var host = new PortTestHost(
            PortStub.Route((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, EmptyPage)),
            configure: services => services.PostConfigure<PortOptions>(o =>
                o.BaseUrl = "http://localhost:5080/sandbox/port"));

        await host.Catalog.ReadUsersAsync(null, default);

        Assert.Equal(
            ["http://localhost:5080/sandbox/port/v1/auth/access_token",
                "http://localhost:5080/sandbox/port/v1/blueprints/_user/entities/search"],
            host.Stub.Requests.Select(r => r.Uri.AbsoluteUri));
    }

    [Fact]
    public async Task CheckConnectionAsync_SaysWhatItCalledAndHowManyUsers_WhenPortAnswers()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            StubHttpHandler.Json(HttpStatusCode.OK, """{"ok":true,"count":42}""")));

        var check = await host.Catalog.CheckConnectionAsync(default);

        Assert.Equal(
            new HiBobAdmin.Infrastructure.ConnectionCheck(
                true,
                "POST /v1/auth/access_token, then GET /v1/blueprints/_user/entities-count",
                "Connected to Port: 42 Port users"),
            check);
        Assert.Equal("/v1/blueprints/_user/entities-count", Assert.Single(host.ApiRequests).RawPathAndQuery);
        Assert.Equal(HttpMethod.Get, host.ApiRequests[0].Method);
    }

    [Fact]
    public async Task CheckConnectionAsync_ReturnsFailureWithoutThrowing_WhenCredentialsAreRejected()
    {
        using var host = new PortTestHost((_, _) =>
            PortStub.Error(HttpStatusCode.Unauthorized, "unauthorized", "Invalid client credentials"));

        var check = await host.Catalog.CheckConnectionAsync(default);

        Assert.False(check.Succeeded);
        Assert.Equal("Port authentication failed: Port rejected the client id or secret (401)", check.Message);
        Assert.DoesNotContain(PortTestHost.ClientSecret, check.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConnectionAsync_ReturnsUnreachable_WhenTheNetworkFails()
    {
        using var host = new PortTestHost(
            (_, _) => throw new HttpRequestException("Name or service not known (api.port.io:443)"),
            settings: new Dictionary<string, string?> { ["Port:BaseUrl"] = "https://api.port.io" });

        var checking = host.Catalog.CheckConnectionAsync(default);
        for (var retry = 1; retry <= 10 && !checking.IsCompleted; retry++)
        {
            var delay = await host.Clock.WaitForTimerAsync(IsRetryDelay, retry);
            host.Clock.Advance(delay);
        }

        var check = await checking;

        Assert.False(check.Succeeded);
        Assert.Equal("Port could not be reached (network error)", check.Message);
        Assert.Equal(11, host.Stub.Requests.Count);
    }

    // Timeouts show up as 60 s and 8 min timers, pooled cancellation sources as infinite ones.
    private static bool IsRetryDelay(TimeSpan dueTime) => dueTime > TimeSpan.Zero && dueTime < TimeSpan.FromSeconds(59);
}
