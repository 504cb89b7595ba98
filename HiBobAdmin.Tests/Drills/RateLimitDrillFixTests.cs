using System.Net;
using HiBobAdmin.Port;
using HiBobAdmin.Tests.Port;

namespace HiBobAdmin.Tests.Drills;

/// <summary>Fixes found by the faults drill in how Port's 429s are waited out (docs/decisions/0040).</summary>
public sealed class RateLimitDrillFixTests
{
    [Fact]
    public async Task WriteHibobUsersAsync_BacksOffFromTheFirstDelay_WhenPortAnswers429WithRetryAfterZero()
    {
        var clock = new ObservableClock();
        var start = clock.GetUtcNow();
        var receivedAt = new List<DateTimeOffset>();
        using var host = new PortTestHost(
            PortStub.Route((request, n) =>
            {
                receivedAt.Add(clock.GetUtcNow());
                return n == 0 ? TooMany("0") : PortStub.BulkSuccess(request);
            }),
            clock);

        var writing = host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(1), null, default);
        var delay = await clock.WaitForTimerAsync(d => d > TimeSpan.Zero && d < TimeSpan.FromSeconds(1));
        var sentBeforeTheWait = host.ApiRequests.Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        var outcome = Assert.Single(await writing);

        Assert.Equal(1, sentBeforeTheWait);
        Assert.InRange(delay, TimeSpan.FromMilliseconds(400), TimeSpan.FromMilliseconds(600));
        Assert.True(outcome.Succeeded);
        Assert.Equal([start, start + TimeSpan.FromSeconds(1)], receivedAt);
    }

    [Fact]
    public async Task WriteHibobUsersAsync_HoldsEveryBatch_WhileOneBatchWaitsOutA429()
    {
        var clock = new ObservableClock();
        var start = clock.GetUtcNow();
        var receivedAt = new List<DateTimeOffset>();
        using var host = new PortTestHost(
            PortStub.Route((request, n) =>
            {
                lock (receivedAt)
                {
                    receivedAt.Add(clock.GetUtcNow());
                }

                return n == 0 ? TooMany("2") : PortStub.BulkSuccess(request);
            }),
            clock,
            new Dictionary<string, string?> { ["Sync:MaxConcurrentRequests"] = "2" });

        var writing = host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(60), null, default);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(2), occurrence: 2);
        clock.Advance(TimeSpan.FromSeconds(2));
        var outcomes = await writing;

        Assert.Equal(60, outcomes.Count(o => o.Succeeded));
        Assert.Equal(4, receivedAt.Count);
        Assert.InRange(receivedAt.Count(t => t == start), 1, 2);
        Assert.All(receivedAt.Where(t => t != start), t => Assert.Equal(start + TimeSpan.FromSeconds(2), t));
    }

    [Theory]
    [InlineData("0", null)]
    [InlineData("3", 3)]
    public void RequestedDelay_CountsAZeroWaitAsNoneNamed(string retryAfter, int? expectedSeconds)
    {
        using var response = TooMany(retryAfter);

        var delay = PortResilience.RequestedDelay(response, TimeProvider.System);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, delay);
    }

    [Theory]
    [InlineData("250", null)]
    [InlineData("0", 100)]
    public void RequestedDelay_ReadsTheWindowReset_OnlyWhenNoQuotaRemains(string remaining, int? expectedSeconds)
    {
        var clock = new ObservableClock();
        using var response = PortStub.Error(HttpStatusCode.ServiceUnavailable, "unavailable", "Try again later");
        response.Headers.Add("x-ratelimit-remaining", remaining);
        response.Headers.Add(
            "x-ratelimit-reset",
            (clock.GetUtcNow().ToUnixTimeSeconds() + 100).ToString(System.Globalization.CultureInfo.InvariantCulture));

        var delay = PortResilience.RequestedDelay(response, clock);

        Assert.Equal(expectedSeconds is { } s ? TimeSpan.FromSeconds(s) : null, delay);
    }

    private static HttpResponseMessage TooMany(string retryAfter)
    {
        var response = PortStub.Error(HttpStatusCode.TooManyRequests, "rate_limited", "Too many requests");
        response.Headers.Add("Retry-After", retryAfter);
        return response;
    }
}
