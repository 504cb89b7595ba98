using System.Net;
using System.Text.Json.Nodes;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Hosting.Health;

[Collection(WholeApp.Name)]
public sealed class HealthEndpointsTests
{
    [Fact]
    public async Task Healthz_AnswersHealthy_WithoutCallingEitherVendor()
    {
        await using var app = await SandboxApp.StartAsync();
        app.Sandbox.ResetRequestCounts();
        using var client = new HttpClient { BaseAddress = app.DashboardUri };

        using var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal(0, app.Sandbox.CountRequests());
    }

    [Fact]
    public async Task Readyz_AnswersHealthyForBothVendors_WhenTheSandboxAcceptsTheCredentials()
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = new HttpClient { BaseAddress = app.DashboardUri };

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)body["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["hibob"]!["status"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["port"]!["status"]);
    }

    [Fact]
    public async Task Readyz_Answers503NamingHiBob_WhenHiBobRejectsTheCredentials()
    {
        await using var app = await SandboxApp.StartAsync();
        app.Sandbox.EnqueueFault(401, "/people/fields");
        using var client = new HttpClient { BaseAddress = app.DashboardUri };

        using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;
        Assert.Equal("Unhealthy", (string?)body["status"]);
        Assert.Equal("Unhealthy", (string?)body["checks"]!["hibob"]!["status"]);
        Assert.Equal(
            "HiBob did not answer GET /v1/company/people/fields successfully with the configured credentials",
            (string?)body["checks"]!["hibob"]!["description"]);
        Assert.Equal("Healthy", (string?)body["checks"]!["port"]!["status"]);
        var config = app.Services.GetRequiredService<IConfiguration>();
        foreach (var key in new[] { "HiBob:ServiceUserId", "HiBob:ServiceUserToken", "Port:ClientId", "Port:ClientSecret" })
        {
            Assert.DoesNotContain(config[key]!, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Readyz_ReusesTheLastAnswer_WhenAskedAgainWithinTheCacheLifetime()
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = new HttpClient { BaseAddress = app.DashboardUri };
        using var first = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        app.Sandbox.ResetRequestCounts();

        using var second = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
        using var third = await client.GetAsync(new Uri("/readyz", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Equal(0, app.Sandbox.CountRequests());
    }
}
