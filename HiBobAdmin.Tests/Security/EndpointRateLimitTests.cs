using System.Net;
using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Security;

/// <summary>The webhook and API limits, each with a budget small enough to reach in a test.</summary>
[Collection(WholeApp.Name)]
public sealed class EndpointRateLimitTests
{
    private const string Key = "hba_rate-limit-key-for-tests-00000000000000000000";

    [Fact]
    public async Task Webhooks_Answer429WithRetryAfter_OnceTheAddressHasUsedItsMinute()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:WebhooksPerMinute"] = "2",
        });
        using var client = app.CreateClient();

        var answers = new List<(HttpStatusCode Status, TimeSpan? RetryAfter)>();
        for (var i = 0; i < 3; i++)
        {
            using var body = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            using var response = await client.PostAsync(new Uri("/webhooks/port", UriKind.Relative), body);
            answers.Add((response.StatusCode, response.Headers.RetryAfter?.Delta));
        }

        // Unsigned calls are refused (401) and still count: a flood of forgeries is limited too.
        Assert.Equal(
            [
                (HttpStatusCode.Unauthorized, null),
                (HttpStatusCode.Unauthorized, null),
                (HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(60)),
            ],
            answers);
    }

    [Fact]
    public async Task Api_Answers429_OnceTheKeyHasUsedItsMinute()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:ApiPerMinute"] = "2",
            ["Api:Keys:0:Name"] = "reader",
            ["Api:Keys:0:Hash"] = ApiKeyHasher.Hash(Key),
            ["Api:Keys:0:Role"] = Roles.Viewer,
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(RateLimiting.ApiKeyHeader, Key);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
    }

    [Fact]
    public async Task Api_Answers429_AlsoToAKeyItDoesNotKnow()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?>
        {
            ["RateLimits:ApiPerMinute"] = "2",
        });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(RateLimiting.ApiKeyHeader, "hba_guessed-key-000000000000000000000000000000");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await client.GetAsync(new Uri("/api/status", UriKind.Relative));
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
    }
}
