using System.Globalization;
using System.Net;
using System.Text.Json;
using HiBobAdmin.HiBob;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.HiBob;

public sealed class HiBobDirectoryTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadAllAsync_RetriesOnceAtTheResetTime_When429CarriesRateLimitReset()
    {
        // B05 (a)
        var reset = HiBobTestHost.Start.AddSeconds(20);
        var calledAt = new List<DateTimeOffset>();
        var time = new ObservedTimeProvider(HiBobTestHost.Start);
        HttpResponseMessage Respond(int index)
        {
            calledAt.Add(time.GetUtcNow());
            if (index > 0)
            {
                return HiBobTestHost.Json(HttpStatusCode.OK, HiBobTestHost.Employees(Ada()));
            }

            var limited = HiBobTestHost.Status(HttpStatusCode.TooManyRequests);
            limited.Headers.Add("X-RateLimit-Reset", reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
            return limited;
        }

        using var host = new HiBobTestHost((_, index) => Respond(index), time: time);

        var read = host.Directory.ReadAllAsync(CancellationToken.None);
        await host.Time.RetryDelayScheduled.WaitAsync(Wait);
        host.Time.Advance(TimeSpan.FromSeconds(19));
        var callsBeforeReset = host.Stub.Requests.Count;
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var result = await read.WaitAsync(Wait);

        Assert.Equal(1, callsBeforeReset);
        Assert.Equal(2, host.Stub.Requests.Count);
        Assert.True(calledAt[1] >= reset, $"second call at {calledAt[1]:O}, reset at {reset:O}");
        Assert.Equal(host.Stub.Requests[0].Body, host.Stub.Requests[1].Body); // the POST is replayed whole
        Assert.Equal("Basic U0VSVklDRS1VU0VSLTEyMzp0MGszbg==", host.Stub.Requests[1].Authorization);
        Assert.Equal("3000000000000000001", Assert.Single(result.Employees).Id);
        var retry = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 1101);
        Assert.Equal(LogLevel.Warning, retry.Level);
        Assert.Equal("HiBob rate limit reached; retry 1 of 4 in 00:00:20", retry.Message);
    }

    [Fact]
    public async Task ReadAllAndReadOne_CallHiBobOnceEach_WhenEveryAnswerIs401()
    {
        // B05 (b): HiBob's firewall blocks callers that repeat 401s, so nothing is retried.
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.Unauthorized,
            """{"key":"unauthorized","error":"Missing authentication credentials"}"""));

        var all = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));
        var callsAfterReadAll = host.Stub.Requests.Count;
        var one = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadOneAsync("ada.active@example.com", CancellationToken.None));

        Assert.Equal(1, callsAfterReadAll);
        Assert.Equal(2, host.Stub.Requests.Count);
        Assert.Equal("HiBob rejected the service-user credentials (401)", all.Message);
        Assert.Equal("HiBob rejected the service-user credentials (401)", one.Message);
        Assert.Equal(401, all.StatusCode);
        Assert.Equal("HiBob", all.Vendor);
    }

    [Fact]
    public async Task ReadAllAsync_CallsOnceAndExplainsPermissionGroup_When403()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Status(HttpStatusCode.Forbidden));

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.Single(host.Stub.Requests);
        Assert.Equal(
            "HiBob denied access (403): add the service user to a permission group that can view employees",
            error.Message);
    }

    [Fact]
    public async Task ReadAllAsync_ShowsHiBobErrorText_When400()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.BadRequest,
            """{"key":"invalid.filter","error":"Only one filter is supported"}"""));

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.Single(host.Stub.Requests);
        Assert.Equal("HiBob rejected the request (400): Only one filter is supported", error.Message);
    }

    [Fact]
    public async Task ReadAllAsync_GivesUpAfterFourRetries_When429Persists()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Status(HttpStatusCode.TooManyRequests, "0"));

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => RunClockUntilDone(host, host.Directory.ReadAllAsync(CancellationToken.None)));

        Assert.Equal(5, host.Stub.Requests.Count);
        Assert.Equal("HiBob rate limit reached (429); try again later", error.Message);
        Assert.Equal(429, error.StatusCode);
    }

    [Fact]
    public async Task ReadAllAsync_ShowsStatusAndShortenedErrorText_When503Persists()
    {
        var longText = "Service is under maintenance. " + new string('z', 400);
        using var host = new HiBobTestHost((_, _) =>
        {
            var response = HiBobTestHost.Json(
                HttpStatusCode.ServiceUnavailable,
                JsonSerializer.Serialize(new { key = "maintenance", error = longText }));
            response.Headers.Add("Retry-After", "0");
            return response;
        });

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => RunClockUntilDone(host, host.Directory.ReadAllAsync(CancellationToken.None)));

        Assert.Equal(5, host.Stub.Requests.Count);
        Assert.StartsWith("HiBob 503: Service is under maintenance. zzz", error.Message, StringComparison.Ordinal);
        Assert.Equal("HiBob 503: ".Length + 200, error.Message.Length);
        Assert.EndsWith("…", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAllAsync_ReportsNonJsonAndLogsShortSnippet_WhenProxyAnswers200WithHtml()
    {
        // B19 (b)
        var page = "<html><head><title>Proxy sign-in</title></head><body>" + new string('p', 500) + "</body></html>";
        using var host = new HiBobTestHost((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent(page, System.Text.Encoding.UTF8, "text/html"),
        });

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.Equal("Unexpected non-JSON response from HiBob", error.Message);
        var entry = Assert.Single(host.Logs.Entries, e => e.EventId.Id == 1104);
        Assert.Equal(LogLevel.Warning, entry.Level);
        var snippet = Assert.IsType<string>(entry.Values["Snippet"]);
        Assert.StartsWith("<html><head><title>Proxy sign-in</title>", snippet, StringComparison.Ordinal);
        Assert.True(snippet.Length <= 200, $"snippet has {snippet.Length} characters");
    }

    [Fact]
    public async Task ReadAllAsync_FailsNamingTheField_WhenEmailIsMissingFromEveryEmployee()
    {
        var employees = Enumerable.Range(1, 3)
            .Select(i => WithoutEmail(HiBobTestHost.FullEmployee($"300000000000000000{i}", $"e{i}@example.com")))
            .ToArray();
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.OK,
            HiBobTestHost.Employees(employees)));

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.Equal(
            "HiBob returned no root.email for any of 3 employees: the service user's permission group probably "
            + "lacks View access to that field's category.",
            error.Message);
    }

    [Fact]
    public async Task ReadAllAsync_ReadsEmployeesWithoutEmail_WhenOthersHaveIt()
    {
        var withEmail = HiBobTestHost.FullEmployee("3000000000000000001", "ada.active@example.com");
        var withoutEmail = WithoutEmail(HiBobTestHost.FullEmployee("3000000000000000002", "x@example.com"));
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.OK,
            HiBobTestHost.Employees(withEmail, withoutEmail)));

        var result = await host.Directory.ReadAllAsync(CancellationToken.None);

        Assert.Equal(
            [("3000000000000000001", "ada.active@example.com"), ("3000000000000000002", null)],
            result.Employees.Select(e => (e.Id, e.Email)));
    }

    [Fact]
    public async Task ReadAllAsync_ReportsMissingList_WhenBodyHasNoEmployees()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(HttpStatusCode.OK, """{"people":[]}"""));

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.Equal("Unexpected response from HiBob: the body has no employees list", error.Message);
    }

    [Fact]
    public async Task ReadOneAsync_ReturnsNoEmployee_When404()
    {
        // B10
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.NotFound,
            """{"key":"not.found","error":"Employee not found"}"""));

        var result = await host.Directory.ReadOneAsync("qa+bob@example.com", CancellationToken.None);

        Assert.Empty(result.Employees);
        Assert.Empty(result.Skipped);
        Assert.Equal(
            "No HiBob employee with email qa+bob@example.com",
            HiBobMessages.NoEmployee("qa+bob@example.com"));
    }

    [Fact]
    public async Task ReadOneAsync_ReadsTheEmployee_WhenHiBobWrapsItInEmployeesList()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.OK,
            HiBobTestHost.Employees(Ada())));

        var result = await host.Directory.ReadOneAsync("3000000000000000001", CancellationToken.None);

        Assert.Equal("ada.active@example.com", Assert.Single(result.Employees).Email);
        Assert.Equal("/v1/people/3000000000000000001", Assert.Single(host.Stub.Requests).RawPathAndQuery);
    }

    [Fact]
    public async Task CheckConnectionAsync_CountsVisibleFields_WhenCredentialsAreAccepted()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.OK,
            """[{"id":"root.id"},{"id":"root.email"},{"id":"work.title"}]"""));

        var check = await host.Directory.CheckConnectionAsync(CancellationToken.None);

        Assert.Equal(
            new ConnectionCheck(
                true,
                "GET /v1/company/people/fields",
                "HiBob accepted the service user; 3 fields visible"),
            check);
        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal(HttpMethod.Get, request.Method);
        Assert.Equal("/v1/company/people/fields", request.RawPathAndQuery);
    }

    [Fact]
    public async Task CheckConnectionAsync_ReportsTheFailureWithoutThrowing_When401()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Status(HttpStatusCode.Unauthorized));

        var check = await host.Directory.CheckConnectionAsync(CancellationToken.None);

        Assert.Equal(
            new ConnectionCheck(
                false,
                "GET /v1/company/people/fields",
                "HiBob rejected the service-user credentials (401)"),
            check);
        Assert.Single(host.Stub.Requests);
    }

    [Fact]
    public async Task CheckConnectionAsync_SaysWhatToConfigure_WhenCredentialsAreMissing()
    {
        using var host = new HiBobTestHost(
            (_, _) => HiBobTestHost.Status(HttpStatusCode.OK),
            new Dictionary<string, string?>());

        var check = await host.Directory.CheckConnectionAsync(CancellationToken.None);

        Assert.False(check.Succeeded);
        Assert.Equal("HiBob is not configured: set HiBob:ServiceUserId and HiBob:ServiceUserToken", check.Message);
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task ReadAllAsync_NeverLogsTheCredentials_WhenACallFails()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Status(HttpStatusCode.Unauthorized));

        await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.NotEmpty(host.Logs.Entries);
        Assert.All(host.Logs.Entries, entry =>
        {
            Assert.DoesNotContain("U0VSVklDRS1VU0VSLTEyMzp0MGszbg==", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("t0k3n", entry.Message, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task ReadAllAsync_SaysHiBobCouldNotBeReached_WhenTheTransportFails()
    {
        using var host = new HiBobTestHost((_, _) => throw new IOException("connection reset by peer"));

        var error = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.Equal("Could not reach HiBob: the request failed", error.Message);
        Assert.Null(error.StatusCode);
        Assert.IsType<IOException>(error.InnerException);
    }

    [Fact]
    public async Task ReadAllAsync_LetsCancellationThrough_WhenTheCallerCancels()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(HttpStatusCode.OK, """{"employees":[]}"""));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => host.Directory.ReadAllAsync(cancelled.Token));

        Assert.Empty(host.Stub.Requests);
    }

    private static object Ada() => HiBobTestHost.FullEmployee("3000000000000000001", "ada.active@example.com");

    private static Dictionary<string, JsonElement> WithoutEmail(object employee)
    {
        var fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(JsonSerializer.Serialize(employee))!;
        fields.Remove("email");
        return fields;
    }

    /// <summary>
    /// A Retry-After of 0 falls back to the backoff (decision 0040), which waits on the fake clock:
    /// move it on until the read ends.
    /// </summary>
    private static async Task<T> RunClockUntilDone<T>(HiBobTestHost host, Task<T> read)
    {
        // Bounded by real time, not by steps: on a loaded machine each retry may take a while to reach its wait.
        var started = System.Diagnostics.Stopwatch.StartNew();
        while (!read.IsCompleted && started.Elapsed < Wait)
        {
            host.Time.Advance(HiBobServiceCollectionExtensions.MaxRetryDelay);
            await Task.Delay(5);
        }

        return await read.WaitAsync(Wait);
    }
}
