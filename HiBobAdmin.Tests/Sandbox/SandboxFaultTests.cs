using System.Diagnostics;
using System.Net;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Sandbox;

public sealed class SandboxFaultTests
{
    private const string Fields = "v1/company/people/fields";

    [Fact]
    public async Task Requests_Return429WithRetryAfter_WhenRateLimitShareIsOne()
    {
        // B08
        await using var host = await SandboxHost.StartAsync(o =>
        {
            o.EmployeeCount = 0;
            o.Faults.RateLimitShare = 1;
        });
        using var hibob = host.CreateHiBobClient();
        using var port = await host.CreatePortClientAsync();

        using var hibobResponse = await SandboxHttp.GetAsync(hibob, Fields);
        using var portResponse = await SandboxHttp.GetAsync(port, "v1/blueprints/_user");

        Assert.Equal(HttpStatusCode.TooManyRequests, hibobResponse.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), hibobResponse.Headers.RetryAfter?.Delta);
        var hibobError = await SandboxHttp.ReadObjectAsync(hibobResponse);
        Assert.Equal("too_many_requests", hibobError["key"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.TooManyRequests, portResponse.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), portResponse.Headers.RetryAfter?.Delta);
        Assert.False((await SandboxHttp.ReadObjectAsync(portResponse))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Requests_Return503_WhenServerErrorShareIsOne()
    {
        await using var host = await SandboxHost.StartAsync(o =>
        {
            o.EmployeeCount = 0;
            o.Faults.ServerErrorShare = 1;
        });
        using var hibob = host.CreateHiBobClient();

        using var response = await SandboxHttp.GetAsync(hibob, Fields);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(1, host.State.CountRequests("GET", "/people/fields", 503));
    }

    [Fact]
    public async Task Requests_FailInTheSameOrder_WhenSeedIsTheSame()
    {
        async Task<HttpStatusCode[]> RunAsync(int seed)
        {
            await using var host = await SandboxHost.StartAsync(o =>
            {
                o.Seed = seed;
                o.EmployeeCount = 0;
                o.Faults.RateLimitShare = 0.3;
                o.Faults.ServerErrorShare = 0.2;
            });
            using var hibob = host.CreateHiBobClient();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 40; i++)
            {
                using var response = await SandboxHttp.GetAsync(hibob, Fields);
                statuses.Add(response.StatusCode);
            }

            return [.. statuses];
        }

        var first = await RunAsync(7);
        var second = await RunAsync(7);
        var other = await RunAsync(8);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Contains(HttpStatusCode.OK, first);
        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
    }

    [Fact]
    public async Task EnqueueFault_FailsOnlyTheNextMatchingRequest_AndNeverTheTokenRoute()
    {
        // B08
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        host.State.EnqueueFault(429, "/entities/search");
        host.State.EnqueueFault(503);
        using var port = await host.CreatePortClientAsync();
        const string search = "v1/blueprints/_user/entities/search";

        using var other = await SandboxHttp.GetAsync(port, "v1/blueprints/_user");
        using var first = await SandboxHttp.PostAsync(port, search, "{}");
        using var second = await SandboxHttp.PostAsync(port, search, "{}");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, other.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Requests_TakeAtLeastTheLatency_WhenLatencyIsSet()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var hibob = host.CreateHiBobClient();
        host.State.SetFaults(0, 0, 200);
        var stopwatch = Stopwatch.StartNew();

        using var response = await SandboxHttp.GetAsync(hibob, Fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(stopwatch.ElapsedMilliseconds >= 190, $"took {stopwatch.ElapsedMilliseconds} ms");
    }
}
