using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using HiBobAdmin.Security.Webhooks;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Api;

[Collection(WholeApp.Name)]
public sealed class WebhookTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task PortWebhook_QueuesASingleUserSyncForExactlyThatEmail_WhenSignedNow()
    {
        using var client = fixture.Client();
        var jobsBefore = fixture.Jobs.Created.Count;

        using var response = await client.SendAsync(
            fixture.PortDelivery(ApiAppFixture.PortUserCreatedBody("new.hire@example.com"), DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("queued", receipt.GetProperty("status").GetString());
        var runId = receipt.GetProperty("runId").GetGuid();
        var run = await fixture.App.FindRunAsync(runId);
        Assert.Equal(SyncKind.SingleUser, run.Kind);
        Assert.Equal(SyncTrigger.Webhook, run.Trigger);
        Assert.Equal("new.hire@example.com", run.Subject);
        Assert.Equal("webhook:port", run.StartedBy);
        var job = Assert.Single(fixture.Jobs.Created.Skip(jobsBefore));
        Assert.Equal(runId, job.Args[0]);
        Assert.DoesNotContain(fixture.PortSecret, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortWebhook_Returns401_WhenSignedWithAnotherSecret()
    {
        using var client = fixture.Client();

        using var response = await client.SendAsync(fixture.PortDelivery(
            ApiAppFixture.PortUserCreatedBody("forged@example.com"), DateTimeOffset.UtcNow, secret: "not-the-client-secret"));

        await AssertRefusedAsync(response, "Signature invalid");
    }

    [Fact]
    public async Task PortWebhook_Returns401_WhenBodyWasChangedAfterSigning()
    {
        using var client = fixture.Client();
        using var request = fixture.PortDelivery(ApiAppFixture.PortUserCreatedBody("tampered@example.com"), DateTimeOffset.UtcNow);
        request.Content = new StringContent(ApiAppFixture.PortUserCreatedBody("attacker@example.com"), Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        await AssertRefusedAsync(response, "Signature invalid");
    }

    [Theory]
    [InlineData(-6 * 60)]
    [InlineData(10 * 60)]
    public async Task PortWebhook_Returns401_WhenTimestampIsOutsideTheWindow(int offsetSeconds)
    {
        using var client = fixture.Client();

        using var response = await client.SendAsync(fixture.PortDelivery(
            ApiAppFixture.PortUserCreatedBody("stale@example.com"), DateTimeOffset.UtcNow.AddSeconds(offsetSeconds)));

        await AssertRefusedAsync(response, "Delivery too old");
    }

    [Fact]
    public async Task PortWebhook_Returns401_WhenTheSameDeliveryIsReplayed()
    {
        using var client = fixture.Client();
        var body = ApiAppFixture.PortUserCreatedBody("replayed@example.com");
        var at = DateTimeOffset.UtcNow;
        using var first = await client.SendAsync(fixture.PortDelivery(body, at));
        var jobsAfterFirst = fixture.Jobs.Created.Count;

        using var replay = await client.SendAsync(fixture.PortDelivery(body, at));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertRefusedAsync(replay, "Delivery replayed");
        Assert.Equal(jobsAfterFirst, fixture.Jobs.Created.Count);
    }

    [Theory]
    [InlineData("v1, ")]
    [InlineData("v1,\t")]
    [InlineData("v1,  ")]
    public async Task PortWebhook_Returns401_WhenAReplaySpellsTheSignatureHeaderDifferently(string prefix)
    {
        using var client = fixture.Client();
        var body = ApiAppFixture.PortUserCreatedBody($"respelled-{Guid.NewGuid():N}@example.com");
        var at = DateTimeOffset.UtcNow;
        using var first = await client.SendAsync(fixture.PortDelivery(body, at));
        var jobsAfterFirst = fixture.Jobs.Created.Count;
        using var respelled = fixture.PortDelivery(body, at);
        var signature = respelled.Headers.GetValues(PortSignatureVerifier.SignatureHeader).Single();
        respelled.Headers.Remove(PortSignatureVerifier.SignatureHeader);
        respelled.Headers.TryAddWithoutValidation(PortSignatureVerifier.SignatureHeader, prefix + signature["v1,".Length..]);

        using var replay = await client.SendAsync(respelled);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        await AssertRefusedAsync(replay, "Delivery replayed");
        Assert.Equal(jobsAfterFirst, fixture.Jobs.Created.Count);
    }

    [Fact]
    public async Task PortWebhook_Returns401_WhenSignatureHeadersAreMissing()
    {
        using var client = fixture.Client();

        using var response = await client.PostAsync(
            new Uri("/webhooks/port", UriKind.Relative),
            new StringContent(ApiAppFixture.PortUserCreatedBody("unsigned@example.com"), Encoding.UTF8, "application/json"));

        await AssertRefusedAsync(response, "Signature missing");
    }

    [Fact]
    public async Task PortWebhook_IgnoresEntitiesOfOtherBlueprints()
    {
        using var client = fixture.Client();
        var body = ApiAppFixture.PortUserCreatedBody("svc@example.com").Replace("\"_user\"", "\"service\"", StringComparison.Ordinal);
        var jobsBefore = fixture.Jobs.Created.Count;

        using var response = await client.SendAsync(fixture.PortDelivery(body, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(jobsBefore, fixture.Jobs.Created.Count);
    }

    [Fact]
    public async Task PortWebhook_Returns413_WhenBodyIsLargerThanTheLimit()
    {
        using var client = fixture.Client();
        var body = ApiAppFixture.PortUserCreatedBody("big@example.com").Replace("New Hire", new string('x', 70_000), StringComparison.Ordinal);

        using var response = await client.SendAsync(fixture.PortDelivery(body, DateTimeOffset.UtcNow));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task HiBobWebhook_QueuesASingleUserSyncByEmployeeId_WhenSigned()
    {
        using var client = fixture.Client();
        var jobsBefore = fixture.Jobs.Created.Count;

        using var response = await client.SendAsync(
            ApiAppFixture.HiBobDelivery(ApiAppFixture.HiBobEventBody("employee.joined", "3000000000000000101")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var runId = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        var run = await fixture.App.FindRunAsync(runId);
        Assert.Equal("3000000000000000101", run.Subject);
        Assert.Equal(SyncTrigger.Webhook, run.Trigger);
        Assert.Equal("webhook:hibob", run.StartedBy);
        Assert.Equal(runId, Assert.Single(fixture.Jobs.Created.Skip(jobsBefore)).Args[0]);
    }

    [Theory]
    [InlineData("employee.created", "3000000000000000201")]
    [InlineData("employee.updated", "3000000000000000202")]
    [InlineData("employee.left", "3000000000000000203")]
    [InlineData("employee.activated", "3000000000000000204")]
    [InlineData("employee.inactivated", "3000000000000000205")]
    public async Task HiBobWebhook_QueuesASync_ForEachEmployeeEvent(string type, string employeeId)
    {
        using var client = fixture.Client();

        using var response = await client.SendAsync(ApiAppFixture.HiBobDelivery(ApiAppFixture.HiBobEventBody(type, employeeId)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = await response.Content.ReadFromJsonAsync<JsonElement>();
        var run = await fixture.App.FindRunAsync(receipt.GetProperty("runId").GetGuid());
        Assert.Equal(employeeId, run.Subject);
    }

    [Fact]
    public async Task HiBobWebhook_CoalescesABurstForOneEmployee_IntoOneSync()
    {
        using var client = fixture.Client();
        var jobsBefore = fixture.Jobs.Created.Count;

        using var joined = await client.SendAsync(
            ApiAppFixture.HiBobDelivery(ApiAppFixture.HiBobEventBody("employee.joined", "3000000000000000301")));
        using var activated = await client.SendAsync(
            ApiAppFixture.HiBobDelivery(ApiAppFixture.HiBobEventBody("employee.activated", "3000000000000000301")));
        using var updated = await client.SendAsync(
            ApiAppFixture.HiBobDelivery(ApiAppFixture.HiBobEventBody("employee.updated", "3000000000000000301")));

        Assert.Equal("queued", (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, activated.StatusCode);
        Assert.Equal("coalesced", (await activated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("coalesced", (await updated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Single(fixture.Jobs.Created.Skip(jobsBefore));
    }

    [Theory]
    [InlineData("Ping test")]
    [InlineData("{\"text\":\"Ping test\"}")]
    public async Task HiBobWebhook_AnswersThePing_UnsignedAndSigned(string body)
    {
        using var client = fixture.Client();

        using var unsigned = await client.SendAsync(ApiAppFixture.HiBobDelivery(body, signature: null));
        using var signed = await client.SendAsync(ApiAppFixture.HiBobDelivery(body));

        Assert.Equal(HttpStatusCode.OK, unsigned.StatusCode);
        Assert.Equal("pong", (await unsigned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
    }

    [Fact]
    public async Task HiBobWebhook_Returns401_WhenPingCarriesAWrongSignature()
    {
        using var client = fixture.Client();

        using var response = await client.SendAsync(ApiAppFixture.HiBobDelivery("Ping test", signature: "bm90IGEgc2lnbmF0dXJl"));

        await AssertRefusedAsync(response, "Signature invalid");
    }

    [Fact]
    public async Task HiBobWebhook_Returns401_WhenSignatureIsWrongOrMissing()
    {
        using var client = fixture.Client();
        var body = ApiAppFixture.HiBobEventBody("employee.updated", "3000000000000000401");
        var jobsBefore = fixture.Jobs.Created.Count;

        using var wrong = await client.SendAsync(ApiAppFixture.HiBobDelivery(body, signature: "bm90IGEgc2lnbmF0dXJl"));
        using var missing = await client.SendAsync(ApiAppFixture.HiBobDelivery(body, signature: null));

        await AssertRefusedAsync(wrong, "Signature invalid");
        await AssertRefusedAsync(missing, "Signature missing");
        Assert.Equal(jobsBefore, fixture.Jobs.Created.Count);
    }

    [Fact]
    public async Task HiBobWebhook_AcknowledgesAReplayedDeliveryWithoutASecondSync()
    {
        using var client = fixture.Client();
        var body = ApiAppFixture.HiBobEventBody("employee.left", "3000000000000000501");
        using var first = await client.SendAsync(ApiAppFixture.HiBobDelivery(body));
        var jobsAfterFirst = fixture.Jobs.Created.Count;

        using var replay = await client.SendAsync(ApiAppFixture.HiBobDelivery(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("queued", (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("duplicate", (await replay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(jobsAfterFirst, fixture.Jobs.Created.Count);
    }

    [Fact]
    public async Task HiBobWebhook_AcceptsAnEventTriggeredDaysAgo_BecauseBobRetriesForThreeDays()
    {
        using var client = fixture.Client();
        var body = ApiAppFixture.HiBobEventBody("employee.updated", "3000000000000000601")
            .Replace("2026-01-31T00:00:03.123456", "2020-01-01T00:00:00", StringComparison.Ordinal);

        using var response = await client.SendAsync(ApiAppFixture.HiBobDelivery(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("queued", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task HiBobWebhook_IgnoresEventsThatDoNotChangeAccess()
    {
        using var client = fixture.Client();
        var jobsBefore = fixture.Jobs.Created.Count;

        using var response = await client.SendAsync(
            ApiAppFixture.HiBobDelivery(ApiAppFixture.HiBobEventBody("table.entry.created", "3000000000000000701")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ignored", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(jobsBefore, fixture.Jobs.Created.Count);
    }

    [Fact]
    public async Task HiBobWebhook_Returns400_WhenTheEventNamesNoEmployee()
    {
        using var client = fixture.Client();

        using var response = await client.SendAsync(ApiAppFixture.HiBobDelivery(
            """{"companyId":1,"type":"employee.updated","version":"v2","data":{}}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("The event carries no data.employeeId.", problem.GetProperty("detail").GetString());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage response, string title)
    {
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(title, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }
}
