using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using HiBobAdmin.Audit;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.Api;

[Collection(WholeApp.Name)]
public sealed class ApiEndpointsTests(ApiAppFixture fixture) : IClassFixture<ApiAppFixture>
{
    public static TheoryData<string, string> Operations => new()
    {
        { "GET", "/api/status" },
        { "POST", "/api/sync" },
        { "POST", "/api/sync/users/ada.lovelace@example.com" },
        { "GET", "/api/runs/3f2504e0-4f89-11d3-9a0c-0305e82c3301" },
        { "GET", "/api/people?status=Matched" },
    };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Endpoint_Returns401ProblemDetails_WhenNoKeyIsSent(string method, string path)
    {
        using var client = fixture.Client();

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("ApiKey header=\"X-Api-Key\"", response.Headers.WwwAuthenticate.ToString());
        var problem = await ProblemAsync(response);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Equal("API key required", problem.GetProperty("title").GetString());
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Endpoint_Returns401AndLogsNoKey_WhenKeyIsUnknown(string method, string path)
    {
        const string wrongKey = "hba_not-a-configured-key-000000000000000000000000";
        using var client = fixture.Client(wrongKey);

        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("API key required", (await ProblemAsync(response)).GetProperty("title").GetString());
        Assert.Contains(fixture.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("unknown API key", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Logs.Entries, e => e.Message.Contains(wrongKey, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/api/sync")]
    [InlineData("/api/sync/users/ada.lovelace@example.com")]
    public async Task SyncEndpoint_Returns403ProblemDetailsAndQueuesNothing_WhenKeyIsViewer(string path)
    {
        using var client = fixture.Client(ApiAppFixture.ViewerKey);
        var jobsBefore = fixture.Jobs.Created.Count;

        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(403, problem.GetProperty("status").GetInt32());
        Assert.Equal("Role too weak", problem.GetProperty("title").GetString());
        Assert.Equal(jobsBefore, fixture.Jobs.Created.Count);
    }

    [Fact]
    public async Task StartFullSync_Returns202WithRunAndLocation_Then409NamingThatRun()
    {
        using var operatorClient = fixture.Client(ApiAppFixture.OperatorKey);
        using var viewer = fixture.Client(ApiAppFixture.ViewerKey);

        using var accepted = await operatorClient.PostAsync(new Uri("/api/sync", UriKind.Relative), null);
        using var conflict = await operatorClient.PostAsync(new Uri("/api/sync", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var body = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var runId = body.GetProperty("runId").GetGuid();
        Assert.Equal("Queued", body.GetProperty("status").GetString());
        Assert.Equal($"/api/runs/{runId}", accepted.Headers.Location?.OriginalString);
        Assert.Contains(fixture.Jobs.Created, job => job.Args.Contains(runId));

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        var problem = await ProblemAsync(conflict);
        Assert.Equal(runId, problem.GetProperty("runId").GetGuid());
        Assert.StartsWith("A full sync is already running", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        var run = await viewer.GetFromJsonAsync<JsonElement>(accepted.Headers.Location);
        Assert.Equal("Queued", run.GetProperty("status").GetString());
        Assert.Equal("Full", run.GetProperty("kind").GetString());
        Assert.Equal("Api", run.GetProperty("trigger").GetString());
        Assert.Equal("api:ops-bot", run.GetProperty("startedBy").GetString());

        var audit = await fixture.App.Services.GetRequiredService<AuditLog>()
            .PageAsync(new AuditCriteria(), 0, 100, CancellationToken.None);
        var started = Assert.Single(audit.Items, e => e.Action == AuditAction.SyncStarted && e.Subject == runId.ToString());
        Assert.Equal(("api:ops-bot", "Full sync queued (through the API)."), (started.Actor, started.Detail));
        Assert.DoesNotContain(audit.Items, e => e.Detail.Contains(runId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task StartSingleUserSync_Returns400_WhenTheIdentifierIsLongerThanAnyEmail()
    {
        using var client = fixture.Client(ApiAppFixture.AdminKey);
        var jobsBefore = fixture.Jobs.Created.Count;

        using var response = await client.PostAsync(new Uri($"/api/sync/users/{new string('a', 300)}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(
            "That is not an email or HiBob id: it is 300 characters long (at most 254).",
            problem.GetProperty("detail").GetString());
        Assert.Equal(jobsBefore, fixture.Jobs.Created.Count);
    }

    [Fact]
    public async Task StartSingleUserSync_Returns202_Then409ForAnotherSpellingOfTheEmail()
    {
        using var client = fixture.Client(ApiAppFixture.AdminKey);

        using var accepted = await client.PostAsync(new Uri("/api/sync/users/grace.hopper@example.com", UriKind.Relative), null);
        using var conflict = await client.PostAsync(new Uri("/api/sync/users/Grace.Hopper@Example.com", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var runId = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("runId").GetGuid();
        var run = await fixture.App.FindRunAsync(runId);
        Assert.Equal(SyncKind.SingleUser, run.Kind);
        Assert.Equal("grace.hopper@example.com", run.Subject);
        Assert.Equal("api:platform", run.StartedBy);
        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Equal(runId, (await ProblemAsync(conflict)).GetProperty("runId").GetGuid());
    }

    [Fact]
    public async Task GetRun_Returns404ProblemDetails_WhenNoRunHasTheId()
    {
        using var client = fixture.Client(ApiAppFixture.ViewerKey);

        using var response = await client.GetAsync(new Uri("/api/runs/3f2504e0-4f89-11d3-9a0c-0305e82c3301", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal("Run not found", problem.GetProperty("title").GetString());
        Assert.Equal("No run has the id '3f2504e0-4f89-11d3-9a0c-0305e82c3301'.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task GetRun_Returns400ProblemDetails_WhenIdIsNotAGuid()
    {
        using var client = fixture.Client(ApiAppFixture.ViewerKey);

        using var response = await client.GetAsync(new Uri("/api/runs/latest", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.StartsWith("A run id is a GUID", problem.GetProperty("errors").GetProperty("id")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_CountsEveryLinkStatusOfTheSnapshot_AndTheLastRun()
    {
        fixture.App.Sandbox.AddEmployee("9100000000000000001", "status-only@example.com");
        var snapshot = await fixture.App.Snapshots.RefreshAsync(CancellationToken.None);
        using var client = fixture.Client(ApiAppFixture.ViewerKey);

        var status = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/status", UriKind.Relative));

        var counts = status.GetProperty("counts");
        foreach (var linkStatus in Enum.GetValues<LinkStatus>())
        {
            Assert.Equal(snapshot.Count(linkStatus), counts.GetProperty(linkStatus.ToString()).GetInt32());
        }

        Assert.True(counts.GetProperty("HiBobOnly").GetInt32() >= 1);
        Assert.Equal(snapshot.ServiceAccounts, status.GetProperty("serviceAccounts").GetInt32());
        var recent = await fixture.App.Services.CreateAsyncScope().ServiceProvider.GetRequiredService<RunStore>()
            .RecentAsync(1, CancellationToken.None);
        if (recent.Count == 0)
        {
            Assert.Equal(JsonValueKind.Null, status.GetProperty("lastRun").ValueKind);
        }
        else
        {
            Assert.Equal(recent[0].Id, status.GetProperty("lastRun").GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task GetPeople_ReturnsDisjointPagesOfOneStatus_WithTheTotalOverAllPages()
    {
        fixture.App.Sandbox.AddEmployee("9100000000000000011", "paging-one@example.com");
        fixture.App.Sandbox.AddEmployee("9100000000000000012", "paging-two@example.com");
        var snapshot = await fixture.App.Snapshots.RefreshAsync(CancellationToken.None);
        using var client = fixture.Client(ApiAppFixture.ViewerKey);

        var first = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/people?status=hibobonly&page=1&pageSize=1", UriKind.Relative));
        var second = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/people?status=HiBobOnly&page=2&pageSize=1", UriKind.Relative));

        var expected = snapshot.People.Where(p => p.Status == LinkStatus.HiBobOnly).ToList();
        Assert.Equal(expected.Count, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("items").GetArrayLength());
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        var firstPerson = first.GetProperty("items")[0];
        var secondPerson = second.GetProperty("items")[0];
        Assert.Equal("HiBobOnly", firstPerson.GetProperty("status").GetString());
        Assert.Equal(expected[0].Employee!.Id, firstPerson.GetProperty("employee").GetProperty("id").GetString());
        Assert.Equal(expected[1].Employee!.Id, secondPerson.GetProperty("employee").GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, firstPerson.GetProperty("portUser").ValueKind);
    }

    [Fact]
    public async Task GetPeople_Returns400ListingTheAllowedStatuses_WhenStatusIsUnknown()
    {
        using var client = fixture.Client(ApiAppFixture.ViewerKey);

        using var response = await client.GetAsync(new Uri("/api/people?status=Orphaned", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemAsync(response);
        Assert.Equal(
            "'Orphaned' is not a link status. Allowed: Matched, PendingLink, HiBobOnly, PortOnly, DuplicateEmail, NoEmail, "
            + "UnmappableEmail, Leaver, EmailChanged, Expected, Protected.",
            problem.GetProperty("errors").GetProperty("status")[0].GetString());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=two", "page")]
    [InlineData("pageSize=501", "pageSize")]
    [InlineData("status=3", "status")]
    [InlineData("status=Matched,Leaver", "status")]
    public async Task GetPeople_Returns400NamingTheParameter_WhenItIsOutOfRange(string query, string parameter)
    {
        using var client = fixture.Client(ApiAppFixture.ViewerKey);

        using var response = await client.GetAsync(new Uri("/api/people?" + query, UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await ProblemAsync(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), errors.ToString());
    }

    [Fact]
    public async Task OpenApiDocument_ListsTheFiveOperations_WithTheApiKeyScheme()
    {
        using var client = fixture.Client();

        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;
        var operations = root.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(op =>
                $"{op.Name.ToUpperInvariant()} {path.Name} {op.Value.GetProperty("operationId").GetString()}"))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            [
                "GET /api/people GetPeople",
                "GET /api/runs/{id} ApiRun",
                "GET /api/status GetStatus",
                "POST /api/sync StartFullSync",
                "POST /api/sync/users/{email} StartSingleUserSync",
            ],
            operations);
        var scheme = root.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
        Assert.True(root.GetProperty("security")[0].TryGetProperty("ApiKey", out _));
        var people = root.GetProperty("paths").GetProperty("/api/people").GetProperty("get").GetProperty("parameters")
            .EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"));
        Assert.Equal("integer", people["page"].GetProperty("type").GetString());
        Assert.Equal(500, people["pageSize"].GetProperty("maximum").GetInt32());
        Assert.Contains("HiBobOnly", people["status"].GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        var conflict = root.GetProperty("paths").GetProperty("/api/sync").GetProperty("post").GetProperty("responses").GetProperty("409");
        Assert.True(conflict.GetProperty("content").TryGetProperty("application/problem+json", out _));
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
