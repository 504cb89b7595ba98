using HiBobAdmin.Port;
using HiBobAdmin.Tests.Port;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Drills;

/// <summary>Fixes found by the faults drill in how long a Port token is reused (docs/decisions/0041).</summary>
public sealed class TokenLifetimeDrillFixTests
{
    [Fact]
    public async Task GetTokenAsync_FetchesOnce_WhenManyCallersAskForATokenShorterThanTheRefreshMargin()
    {
        var clock = new ObservableClock();
        using var host = new PortTestHost(TokensThatLive(30), clock);
        var provider = host.Services.GetRequiredService<PortTokenProvider>();

        var tokens = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => provider.GetTokenAsync(default)));
        clock.Advance(TimeSpan.FromSeconds(14));
        var beforeHalfLife = await provider.GetTokenAsync(default);
        clock.Advance(TimeSpan.FromSeconds(1));
        var afterHalfLife = await provider.GetTokenAsync(default);

        Assert.All(tokens, token => Assert.Equal("token1", token));
        Assert.Equal("token1", beforeHalfLife);
        Assert.Equal("token2", afterHalfLife);
        Assert.Equal(2, host.TokenRequests.Count);
    }

    [Fact]
    public async Task GetTokenAsync_KeepsTheReissuedToken_WhenPortHandsBackTheLiveTokenInsideItsLastMinute()
    {
        var clock = new ObservableClock();
        var lifetimes = new Queue<int>([120, 60]);
        using var host = new PortTestHost(
            (request, _) => PortStub.IsTokenRequest(request)
                ? PortStub.Token("live", lifetimes.Count > 0 ? lifetimes.Dequeue() : 1)
                : PortStub.Error(System.Net.HttpStatusCode.NotFound, "x", "y"),
            clock);
        var provider = host.Services.GetRequiredService<PortTokenProvider>();

        await provider.GetTokenAsync(default);
        clock.Advance(TimeSpan.FromSeconds(60));
        var seen = new List<string>();
        for (var second = 0; second < 59; second++)
        {
            seen.Add(await provider.GetTokenAsync(default));
            clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.All(seen, token => Assert.Equal("live", token));
        Assert.Equal(2, host.TokenRequests.Count);
    }

    [Theory]
    [InlineData(10800, false, 10740)]
    [InlineData(62, false, 2)]
    [InlineData(60, false, 30)]
    [InlineData(1, false, 0.5)]
    [InlineData(45, true, 45)]
    public void ReuseFor_LeavesAMinuteOrHalfTheLife_AndKeepsAReissuedTokenToItsEnd(
        int lifetimeSeconds,
        bool reissued,
        double expectedSeconds)
    {
        var reuse = PortTokenProvider.ReuseFor(TimeSpan.FromSeconds(lifetimeSeconds), reissued);

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), reuse);
    }

    private static Func<RecordedRequest, int, HttpResponseMessage> TokensThatLive(int seconds)
    {
        var issued = 0;
        return (request, _) => PortStub.IsTokenRequest(request)
            ? PortStub.Token($"token{Interlocked.Increment(ref issued)}", seconds)
            : PortStub.Error(System.Net.HttpStatusCode.NotFound, "x", "y");
    }
}
