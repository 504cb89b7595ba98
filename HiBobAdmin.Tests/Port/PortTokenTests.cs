using System.Net;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Port;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Port;

public sealed class PortTokenTests
{
    private const string EmptyPage = """{"ok":true,"entities":[]}""";

    private static readonly Dictionary<string, string?> OneAtATime = new() { ["Sync:MaxConcurrentRequests"] = "1" };

    [Fact] // B08
    public async Task WriteHibobUsersAsync_ResendsBatchWithNewToken_WhenPortSaysTokenExpired()
    {
        using var host = new PortTestHost(
            PortStub.Route(
                (request, n) => n == 1
                    ? PortStub.Error(HttpStatusCode.Unauthorized, "token_expired", "The access token has expired")
                    : PortStub.BulkSuccess(request),
                "tokenA",
                "tokenB"),
            settings: OneAtATime);

        var outcomes = await host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(40), null, default);

        Assert.Equal(2, host.TokenRequests.Count);
        Assert.Equal(
            ["Bearer tokenA", "Bearer tokenA", "Bearer tokenB"],
            host.ApiRequests.Select(r => r.Authorization));
        Assert.Equal(host.ApiRequests[1].Body, host.ApiRequests[2].Body);
        Assert.Equal(40, outcomes.Count(o => o.Succeeded));
    }

    [Fact] // B08
    public async Task WriteHibobUsersAsync_StopsWithAuthenticationFailed_WhenFreshTokenIsAlsoRejected()
    {
        using var host = new PortTestHost(
            PortStub.Route(
                (_, _) => PortStub.Error(HttpStatusCode.Unauthorized, "token_expired", "The access token has expired"),
                "tokenA",
                "tokenB"),
            settings: OneAtATime);

        var error = await Assert.ThrowsAsync<VendorApiException>(() =>
            host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(40), null, default));

        Assert.Equal("Port authentication failed", error.Message);
        Assert.Equal(401, error.StatusCode);
        Assert.Equal(2, host.TokenRequests.Count);
        Assert.Equal(["Bearer tokenA", "Bearer tokenB"], host.ApiRequests.Select(r => r.Authorization));
    }

    [Fact] // B08
    public async Task WriteHibobUsersAsync_StopsWithAuthenticationFailed_WhenParallelBatchesAreAllRejected()
    {
        using var host = new PortTestHost(PortStub.Route(
            (_, _) => PortStub.Error(HttpStatusCode.Unauthorized, "unauthorized", "Invalid token"),
            "tokenA",
            "tokenB"));

        var error = await Assert.ThrowsAsync<VendorApiException>(() =>
            host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(80), null, default));

        Assert.Equal("Port authentication failed", error.Message);
        Assert.InRange(host.ApiRequests.Count, 2, 8);
    }

    [Fact] // B08
    public async Task WriteHibobUsersAsync_RetriesSameBatchOnceAfterRetryAfter_WhenPortAnswers429()
    {
        var clock = new ObservableClock();
        var receivedAt = new List<DateTimeOffset>();
        using var host = new PortTestHost(
            PortStub.Route((request, n) =>
            {
                receivedAt.Add(clock.GetUtcNow());
                if (n > 0)
                {
                    return PortStub.BulkSuccess(request);
                }

                var tooMany = PortStub.Error(HttpStatusCode.TooManyRequests, "rate_limited", "Too many requests");
                tooMany.Headers.Add("Retry-After", "2");
                return tooMany;
            }),
            clock);
        var reported = 0;

        var writing = host.Catalog.WriteHibobUsersAsync(
            PortTestData.HibobWrites(20),
            new InlineProgress(_ => Interlocked.Increment(ref reported)),
            default);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        clock.Advance(TimeSpan.FromSeconds(2));
        var outcomes = await writing;

        Assert.Equal(2, host.ApiRequests.Count);
        Assert.Equal(host.ApiRequests[0].Body, host.ApiRequests[1].Body);
        Assert.True(receivedAt[1] - receivedAt[0] >= TimeSpan.FromSeconds(2));
        Assert.Equal(20, outcomes.Count(o => o.Succeeded));
        Assert.Equal(20, reported);
    }

    [Fact] // B08
    public async Task WriteHibobUsersAsync_FailsBatchWithinFiveMinutesOfBackoff_WhenPortKeepsAnswering429()
    {
        var clock = new ObservableClock();
        var start = clock.GetUtcNow();
        using var host = new PortTestHost(
            PortStub.Route((_, _) =>
            {
                var tooMany = PortStub.Error(HttpStatusCode.TooManyRequests, "rate_limited", "Too many requests");
                tooMany.Headers.Add("Retry-After", "120");
                return tooMany;
            }),
            clock);

        var writing = host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(3), null, default);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(120), occurrence: 1);
        clock.Advance(TimeSpan.FromSeconds(120));
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(120), occurrence: 2);
        clock.Advance(TimeSpan.FromSeconds(120));
        var outcomes = await writing;

        Assert.Equal(3, host.ApiRequests.Count);
        Assert.True(clock.GetUtcNow() - start <= TimeSpan.FromMinutes(5));
        Assert.All(outcomes, o => Assert.Equal("Port 429: Too many requests", o.Message));
    }

    [Fact]
    public async Task WriteHibobUsersAsync_RetriesWithBackoffFromHalfASecond_WhenPortAnswers503WithoutRetryAfter()
    {
        var clock = new ObservableClock();
        using var host = new PortTestHost(
            PortStub.Route((request, n) => n == 0
                ? PortStub.Error(HttpStatusCode.ServiceUnavailable, "unavailable", "Try again later")
                : PortStub.BulkSuccess(request)),
            clock);

        var writing = host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(1), null, default);
        var delay = await clock.WaitForTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(1));
        clock.Advance(delay);
        var outcome = Assert.Single(await writing);

        Assert.InRange(delay, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600));
        Assert.True(outcome.Succeeded);
        Assert.Equal(2, host.ApiRequests.Count);
    }

    [Fact] // B08: the token handler sits inside the retry handler
    public async Task WriteHibobUsersAsync_RetriedAttemptCarriesCurrentToken_WhenTokenExpiredDuringTheWait()
    {
        var clock = new ObservableClock();
        var tokens = new[] { "tokenA", "tokenB" };
        var tokenCalls = 0;
        using var host = new PortTestHost(
            (request, _) =>
            {
                if (PortStub.IsTokenRequest(request))
                {
                    // tokenA is refreshed 60 s before it expires, i.e. 2 s after it was issued.
                    return PortStub.Token(tokens[Math.Min(tokenCalls++, 1)], expiresIn: 62);
                }

                if (request.Authorization == "Bearer tokenB")
                {
                    return PortStub.BulkSuccess(request);
                }

                var tooMany = PortStub.Error(HttpStatusCode.TooManyRequests, "rate_limited", "Too many requests");
                tooMany.Headers.Add("Retry-After", "5");
                return tooMany;
            },
            clock);

        var writing = host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(1), null, default);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5));
        var outcome = Assert.Single(await writing);

        Assert.True(outcome.Succeeded);
        Assert.Equal(["Bearer tokenA", "Bearer tokenB"], host.ApiRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task GetTokenAsync_ReusesToken_UntilAMinuteBeforeItExpires()
    {
        var clock = new ObservableClock();
        using var host = new PortTestHost(PortStub.Route((_, _) => PortStub.Error(HttpStatusCode.NotFound, "x", "y"),
            "tokenA", "tokenB"), clock);
        var provider = host.Services.GetRequiredService<PortTokenProvider>();

        var first = await provider.GetTokenAsync(default);
        clock.Advance(TimeSpan.FromSeconds(10800 - 61));
        var beforeMargin = await provider.GetTokenAsync(default);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterMargin = await provider.GetTokenAsync(default);

        Assert.Equal(["tokenA", "tokenA", "tokenB"], [first, beforeMargin, afterMargin]);
        Assert.Equal(2, host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_FetchesOnce_WhenManyCallersAskAtOnce()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => PortStub.BulkSuccess(null!), "tokenA"));
        var provider = host.Services.GetRequiredService<PortTokenProvider>();

        var tokens = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => Task.Run(() => provider.GetTokenAsync(default))));

        Assert.All(tokens, t => Assert.Equal("tokenA", t));
        Assert.Single(host.TokenRequests);
    }

    [Fact]
    public async Task Invalidate_KeepsCachedToken_WhenAnotherTokenIsReported()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => PortStub.BulkSuccess(null!), "tokenA", "tokenB"));
        var provider = host.Services.GetRequiredService<PortTokenProvider>();
        await provider.GetTokenAsync(default);

        provider.Invalidate("some-older-token");
        var kept = await provider.GetTokenAsync(default);
        provider.Invalidate("tokenA");
        var replaced = await provider.GetTokenAsync(default);

        Assert.Equal(("tokenA", "tokenB"), (kept, replaced));
        Assert.Equal(2, host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_SendsClientCredentials_AsPortExpectsThem()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => PortStub.BulkSuccess(null!), "tokenA"));

        await host.Services.GetRequiredService<PortTokenProvider>().GetTokenAsync(default);

        var request = Assert.Single(host.TokenRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Null(request.Authorization);
        Assert.Equal(
            """{"clientId":"client-id-123","clientSecret":"client-secret-do-not-leak"}""",
            request.Body);
    }

    [Fact]
    public async Task ReadUsersAsync_ThrowsCredentialsRejected_WhenTokenRouteAnswers401()
    {
        using var host = new PortTestHost((request, _) => PortStub.IsTokenRequest(request)
            ? PortStub.Error(HttpStatusCode.Unauthorized, "unauthorized", "Invalid client credentials")
            : StubHttpHandler.Json(HttpStatusCode.OK, EmptyPage));

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.ReadUsersAsync(null, default));

        Assert.Equal("Port authentication failed: Port rejected the client id or secret (401)", error.Message);
        Assert.DoesNotContain(PortTestHost.ClientSecret, error.ToString(), StringComparison.Ordinal);
        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task ReadUsersAsync_ThrowsNotConfigured_WhenCredentialsAreMissing()
    {
        using var host = new PortTestHost(
            PortStub.Route((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, EmptyPage)),
            settings: new Dictionary<string, string?> { ["Port:ClientId"] = "", ["Port:ClientSecret"] = "" });

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.ReadUsersAsync(null, default));

        Assert.Equal("Port is not configured: set Port:ClientId and Port:ClientSecret", error.Message);
        Assert.Empty(host.Stub.Requests);
    }

    private sealed class InlineProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
