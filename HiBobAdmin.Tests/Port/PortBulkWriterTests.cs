using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Port;

public sealed class PortBulkWriterTests
{
    [Fact]
    public async Task WriteHibobUsersAsync_SendsThreeRequestsOfAtMostTwenty_When45Writes()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));
        var writes = PortTestData.HibobWrites(45);
        var reported = new List<int>();

        var outcomes = await host.Catalog.WriteHibobUsersAsync(writes, new SyncProgress(reported), default);

        // Batches run in parallel, so they may reach Port in any order.
        Assert.Equal([20, 20, 5], host.ApiRequests.Select(r => PortStub.Entities(r).Count).OrderDescending());
        Assert.All(host.ApiRequests, r => Assert.Equal(
            "/v1/blueprints/hibob_user/entities/bulk?upsert=true&merge=true",
            r.RawPathAndQuery));
        Assert.Equal(writes.Select(w => w.Entity.Identifier), outcomes.Select(o => o.Identifier));
        Assert.All(outcomes, o => Assert.True(o.Succeeded && o.Created));
        Assert.Equal(Enumerable.Range(1, 45), reported.Order());
    }

    [Fact]
    public async Task WriteUserLinksAsync_CallsNothing_WhenThereIsNothingToWrite()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));

        var outcomes = await host.Catalog.WriteUserLinksAsync([], null, default);

        Assert.Empty(outcomes);
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task WriteUserLinksAsync_ReadsEachItemByIndex_WhenPortAnswers207()
    {
        const string Answer = """
            {"ok":true,
             "entities":[{"identifier":"person3@example.com","index":2,"created":false},
                         {"identifier":"person1@example.com","index":0,"created":true}],
             "errors":[{"identifier":"person2@example.com","index":1,"statusCode":404,"error":"not_found",
                        "message":"Related entity hibob_user:3000000000000000002 was not found"}]}
            """;
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            StubHttpHandler.Json(HttpStatusCode.MultiStatus, Answer)));

        var outcomes = await host.Catalog.WriteUserLinksAsync(PortTestData.Links(3), null, default);

        Assert.Equal(
            [
                new PortWriteOutcome("person1@example.com", true, true, null),
                new PortWriteOutcome(
                    "person2@example.com",
                    false,
                    false,
                    "Port 404: Related entity hibob_user:3000000000000000002 was not found"),
                new PortWriteOutcome("person3@example.com", true, false, null),
            ],
            outcomes);
    }

    [Fact]
    public async Task WriteUserLinksAsync_CountsItemAsFailed_WhenPortReportsNeitherSuccessNorError()
    {
        const string Answer = """
            {"ok":true,"entities":[{"identifier":"person1@example.com","index":0,"created":false}],"errors":[]}
            """;
        using var host = new PortTestHost(PortStub.Route((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, Answer)));

        var outcomes = await host.Catalog.WriteUserLinksAsync(PortTestData.Links(2), null, default);

        Assert.True(outcomes[0].Succeeded);
        Assert.Equal(
            new PortWriteOutcome("person2@example.com", false, false, "Port did not report this item"),
            outcomes[1]);
    }

    [Fact]
    public async Task WriteHibobUsersAsync_SplitsBatchInHalves_WhenPortAnswers413()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.Entities(request).Count == 20
            ? PortStub.Error(HttpStatusCode.RequestEntityTooLarge, "payload_too_large", "Request body is too large")
            : PortStub.BulkSuccess(request)));
        var reported = new List<int>();

        var outcomes = await host.Catalog.WriteHibobUsersAsync(
            PortTestData.HibobWrites(20),
            new SyncProgress(reported),
            default);

        Assert.Equal([20, 10, 10], host.ApiRequests.Select(r => PortStub.Entities(r).Count));
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
        Assert.Equal(20, reported.Count);
    }

    [Fact]
    public async Task WriteHibobUsersAsync_FailsTheItem_WhenASingleEntityIsTooLarge()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            PortStub.Error(HttpStatusCode.RequestEntityTooLarge, "payload_too_large", "Request body is too large")));

        var outcomes = await host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(2), null, default);

        Assert.Equal(3, host.ApiRequests.Count);
        Assert.All(outcomes, o => Assert.Equal("Port 413: Request body is too large", o.Message));
    }

    [Fact]
    public async Task WriteHibobUsersAsync_KeepsEveryBodyUnderOneMebibyte_WhenEntitiesAreLarge()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));
        var bigTitle = new string('x', 300_000);
        var writes = PortTestData.HibobWrites(10)
            .Select(w => w with { Entity = w.Entity with { Title = bigTitle } })
            .ToList();

        var outcomes = await host.Catalog.WriteHibobUsersAsync(writes, null, default);

        Assert.Equal([3, 3, 3, 1], host.ApiRequests.Select(r => PortStub.Entities(r).Count).OrderDescending());
        Assert.All(host.ApiRequests, r => Assert.True(Encoding.UTF8.GetByteCount(r.Body!) < 1024 * 1024));
        Assert.All(outcomes, o => Assert.True(o.Succeeded));
    }

    [Fact]
    public async Task WriteHibobUsersAsync_NeverHasMoreRequestsInFlightThanTheSetting_WhenManyBatches()
    {
        const int Limit = 3;
        const int Batches = 10;
        var inFlight = 0;
        var maxInFlight = 0;
        using var arrived = new SemaphoreSlim(0);
        using var release = new SemaphoreSlim(0);
        var respond = PortStub.Route((request, _) =>
        {
            var now = Interlocked.Increment(ref inFlight);
            InterlockedMax(ref maxInFlight, now);
            arrived.Release();
            release.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Decrement(ref inFlight);
            return PortStub.BulkSuccess(request);
        });
        using var host = new PortTestHost(
            respond,
            settings: new Dictionary<string, string?> { ["Sync:MaxConcurrentRequests"] = "3" });

        var writing = host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(Batches * 20), null, default);
        for (var started = 0; started < Batches; started++)
        {
            Assert.True(await arrived.WaitAsync(TimeSpan.FromSeconds(10)));
            if (started >= Limit - 1)
            {
                release.Release();
            }
        }

        release.Release(Limit - 1);
        var outcomes = await writing;

        Assert.Equal(Limit, maxInFlight);
        Assert.Equal(Batches, host.ApiRequests.Count);
        Assert.Equal(Batches * 20, outcomes.Count(o => o.Succeeded));
    }

    [Fact] // B07
    public async Task WriteUserLinksAsync_SendsOnlyIdentifierAndRelation_WhenLinkingPortUsers()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));
        UserLinkWrite[] writes =
        [
            new(UserLinkKind.Link, "eve.ok@example.com", "3000000000000000005", null),
            new(UserLinkKind.CreateAndLink, "dan.new@example.com", "3000000000000000004", null),
            new(UserLinkKind.Relink, "fay.back@example.com", "3000000000000000011", "3000000000000000010"),
        ];

        await host.Catalog.WriteUserLinksAsync(writes, null, default);

        var request = Assert.Single(host.ApiRequests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/blueprints/_user/entities/bulk?upsert=true&merge=true", request.RawPathAndQuery);
        Assert.Equal(
            """
            {"entities":[{"identifier":"eve.ok@example.com","relations":{"hibob_user":"3000000000000000005"}},{"identifier":"dan.new@example.com","relations":{"hibob_user":"3000000000000000004"}},{"identifier":"fay.back@example.com","relations":{"hibob_user":"3000000000000000011"}}]}
            """,
            request.Body);
        Assert.DoesNotContain(host.Stub.Requests, r => r.Method == HttpMethod.Delete);
        Assert.DoesNotContain(host.Stub.Requests, r => r.RawPathAndQuery.Contains(
            "create_missing_related_entities",
            StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WriteHibobUsersAsync_SendsEveryPropertyWithExplicitNulls_WhenCreating()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));

        await host.Catalog.WriteHibobUsersAsync([PortTestData.HibobWrite(7)], null, default);

        var entity = Assert.Single(PortStub.Entities(Assert.Single(host.ApiRequests)));
        Assert.Equal(
            """
            {"identifier":"3000000000000000007","title":"Person 7","properties":{"id":"3000000000000000007","displayName":"Person 7","firstName":"Person","surname":"7","fullName":null,"email":"person7@example.com","companyId":"640123","state":"Active","avatarUrl":null,"coverImageUrl":null,"creationDatetime":null,"creationDate":null,"isManager":false,"durationOfEmployment":null,"department":"254321","work_title":null}}
            """,
            entity.ToJsonString());
    }

    [Fact] // B02
    public async Task WriteHibobUsersAsync_SendsOnlyTheState_WhenWriteIsStateOnly()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));
        var leaver = PortTestData.HibobWrite(9, HibobUserWriteKind.StateOnly);
        var inactive = leaver.Entity.Properties with { State = "Inactive" };
        leaver = leaver with { Entity = leaver.Entity with { Properties = inactive } };

        await host.Catalog.WriteHibobUsersAsync([leaver], null, default);

        var entity = Assert.Single(PortStub.Entities(Assert.Single(host.ApiRequests)));
        Assert.Equal(
            """{"identifier":"3000000000000000009","properties":{"state":"Inactive"}}""",
            entity.ToJsonString());
    }

    [Fact] // B19a
    public async Task WriteHibobUsersAsync_ShowsPortMessage_WhenOneItemIsRejected()
    {
        const string Answer = """
            {"ok":false,"entities":[],
             "errors":[{"identifier":"3000000000000000001","index":0,"statusCode":422,"error":"invalid_request",
                        "message":"fake: property x is not allowed"}]}
            """;
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            StubHttpHandler.Json(HttpStatusCode.MultiStatus, Answer)));

        var outcomes = await host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(1), null, default);

        Assert.Equal("Port 422: fake: property x is not allowed", Assert.Single(outcomes).Message);
    }

    [Fact] // B19a
    public async Task WriteHibobUsersAsync_FailsEveryItemWithPortMessage_WhenWholeRequestIsRejected()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => PortStub.Error(
            HttpStatusCode.UnprocessableEntity,
            "invalid_request",
            "fake: property x is not allowed")));

        var outcomes = await host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(3), null, default);

        Assert.Single(host.ApiRequests);
        Assert.All(outcomes, o => Assert.Equal(
            new PortWriteOutcome(o.Identifier, false, false, "Port 422: fake: property x is not allowed"),
            o));
        Assert.DoesNotContain(outcomes, o => o.Message!.Contains(PortTestHost.ClientSecret, StringComparison.Ordinal));
    }

    [Fact] // B19a
    public async Task WriteHibobUsersAsync_ShortensPortMessage_WhenItIsVeryLong()
    {
        var longMessage = "fake: " + string.Concat(Enumerable.Repeat("property x is not allowed; ", 40));
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            PortStub.Error(HttpStatusCode.UnprocessableEntity, "invalid_request", longMessage)));

        var outcomes = await host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(1), null, default);

        var message = Assert.Single(outcomes).Message!;
        Assert.StartsWith("Port 422: fake: property x is not allowed; ", message, StringComparison.Ordinal);
        Assert.EndsWith("…", message, StringComparison.Ordinal);
        Assert.InRange(message.Length, 200, 215);
    }

    [Fact] // B19
    public async Task WriteHibobUsersAsync_SaysNonJson_WhenPortAnswersWithAnHtmlPage()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => new HttpResponseMessage(HttpStatusCode.BadRequest)
        {
            Content = new StringContent("<html><body>Bad gateway config</body></html>", Encoding.UTF8, "text/html"),
        }));

        var outcomes = await host.Catalog.WriteHibobUsersAsync(PortTestData.HibobWrites(2), null, default);

        Assert.All(outcomes, o => Assert.Equal("Port 400: Unexpected non-JSON response from Port", o.Message));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current)
        {
            var seen = Interlocked.CompareExchange(ref target, value, current);
            if (seen == current)
            {
                return;
            }

            current = seen;
        }
    }

    /// <summary>Collects reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
    private sealed class SyncProgress(List<int> reported) : IProgress<int>
    {
        private readonly Lock _gate = new();

        public void Report(int value)
        {
            lock (_gate)
            {
                reported.Add(value);
            }
        }
    }
}
