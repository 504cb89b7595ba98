using System.Net;
using System.Net.Http.Headers;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Sandbox;

public sealed class PortAuthSandboxTests
{
    private const string Token = "v1/auth/access_token";
    private const string UserBlueprint = "v1/blueprints/_user";

    [Fact]
    public async Task AccessToken_ReturnsBearerTokenWithLifetime_WhenCredentialsRight()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = new HttpClient { BaseAddress = host.PortBaseAddress };

        using var response = await SandboxHttp.PostAsync(
            client, Token, """{"clientId":"sandbox-client-id","clientSecret":"sandbox-client-secret"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SandboxHttp.ReadObjectAsync(response);
        Assert.True(body["ok"]!.GetValue<bool>());
        Assert.False(string.IsNullOrEmpty(body["accessToken"]!.GetValue<string>()));
        Assert.Equal(10800, body["expiresIn"]!.GetValue<int>());
        Assert.Equal("Bearer", body["tokenType"]!.GetValue<string>());
    }

    [Fact]
    public async Task AccessToken_Returns401_WhenSecretWrong()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = new HttpClient { BaseAddress = host.PortBaseAddress };

        using var response = await SandboxHttp.PostAsync(
            client, Token, """{"clientId":"sandbox-client-id","clientSecret":"nope"}""");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await SandboxHttp.ReadObjectAsync(response);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal("unauthorized", body["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task AccessToken_ReturnsSameTokenWithLessTimeLeft_WhenAskedAgainBeforeExpiry()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0, time);
        using var client = new HttpClient { BaseAddress = host.PortBaseAddress };
        const string credentials = """{"clientId":"sandbox-client-id","clientSecret":"sandbox-client-secret"}""";
        using var first = await SandboxHttp.PostAsync(client, Token, credentials);
        time.Advance(TimeSpan.FromMinutes(60));

        using var second = await SandboxHttp.PostAsync(client, Token, credentials);

        var before = await SandboxHttp.ReadObjectAsync(first);
        var after = await SandboxHttp.ReadObjectAsync(second);
        Assert.Equal(before["accessToken"]!.GetValue<string>(), after["accessToken"]!.GetValue<string>());
        Assert.Equal(7200, after["expiresIn"]!.GetValue<int>());
    }

    [Fact]
    public async Task Routes_Return401TokenExpired_WhenTokenLifetimeHasPassed()
    {
        // B08
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0, time);
        using var client = await host.CreatePortClientAsync();
        using var fresh = await SandboxHttp.GetAsync(client, UserBlueprint);
        time.Advance(TimeSpan.FromSeconds(10800));

        using var expired = await SandboxHttp.GetAsync(client, UserBlueprint);
        using var renewed = await host.CreatePortClientAsync();
        using var afterRenewal = await SandboxHttp.GetAsync(renewed, UserBlueprint);

        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        var body = await SandboxHttp.ReadObjectAsync(expired);
        Assert.False(body["ok"]!.GetValue<bool>());
        Assert.Equal("token_expired", body["error"]!.GetValue<string>());
        Assert.NotEqual(client.DefaultRequestHeaders.Authorization, renewed.DefaultRequestHeaders.Authorization);
        Assert.Equal(HttpStatusCode.OK, afterRenewal.StatusCode);
    }

    [Fact]
    public async Task Routes_Return401TokenExpired_AfterExpireAllTokens()
    {
        // B08
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = await host.CreatePortClientAsync();

        host.State.ExpireAllTokens();
        using var response = await SandboxHttp.GetAsync(client, UserBlueprint);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("token_expired", (await SandboxHttp.ReadObjectAsync(response))["error"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("sbx.not-a-token")]
    public async Task Routes_Return401Unauthorized_WhenBearerMissingOrUnknown(string? token)
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = new HttpClient { BaseAddress = host.PortBaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await SandboxHttp.GetAsync(client, UserBlueprint);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await SandboxHttp.ReadObjectAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Responses_CarryRateLimitHeaders_OnEveryPortRoute()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 2, 0, TimeSpan.Zero));
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0, time);
        using var client = await host.CreatePortClientAsync();

        using var found = await SandboxHttp.GetAsync(client, UserBlueprint);
        using var missing = await SandboxHttp.GetAsync(client, "v1/blueprints/nothing-here");

        foreach (var response in (HttpResponseMessage[])[found, missing])
        {
            Assert.Equal("300", SandboxHttp.Header(response, "x-ratelimit-period"));
            Assert.Equal("35000", SandboxHttp.Header(response, "x-ratelimit-limit"));
            Assert.Equal("1772445900", SandboxHttp.Header(response, "x-ratelimit-reset"));
        }

        Assert.Equal("34998", SandboxHttp.Header(found, "x-ratelimit-remaining"));
        Assert.Equal("34997", SandboxHttp.Header(missing, "x-ratelimit-remaining"));
    }
}
