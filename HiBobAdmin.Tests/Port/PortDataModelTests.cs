using System.Net;
using System.Text.Json.Nodes;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Port;

public sealed class PortDataModelTests
{
    private const string CustomerUser = """
        {"identifier":"_user","title":"User",
         "schema":{"properties":{"status":{"type":"string","title":"Status"},"port_type":{"type":"string"}},
                   "required":[]},
         "relations":{"manager":{"title":"Manager","target":"_user","required":false,"many":false}},
         "mirrorProperties":{"manager_email":{"title":"Manager email","path":"manager.$identifier"}}}
        """;

    [Fact]
    public async Task EnsureDataModelAsync_CreatesBlueprintAndKeepsCustomerRelation_AndSecondEnsureWritesNothing()
    {
        var port = new BlueprintStore(CustomerUser);
        using var host = new PortTestHost(PortStub.Route(port.Respond));

        var first = await host.Catalog.EnsureDataModelAsync(default);
        var writesAfterFirst = host.ApiRequests.Count(IsWrite);
        var second = await host.Catalog.EnsureDataModelAsync(default);

        Assert.Equal(
            ["created blueprint hibob_user", "added _user relation hibob_user",
                "added _user mirror property hibob_display_name"],
            first.Changed);
        Assert.True(first.IsReady);
        Assert.Empty(first.Missing);
        var patch = Assert.Single(host.ApiRequests, r => r.Method == HttpMethod.Patch);
        Assert.Equal("/v1/blueprints/_user", patch.RawPathAndQuery);
        Assert.Equal(
            """{"relations":{"manager":{"title":"Manager","target":"_user","required":false,"many":false},"hibob_user":{"title":"HiBob User","target":"hibob_user","required":false,"many":false}},"mirrorProperties":{"manager_email":{"title":"Manager email","path":"manager.$identifier"},"hibob_display_name":{"title":"HiBob Display Name","path":"hibob_user.displayName"}}}""",
            patch.Body);
        Assert.Equal(2, writesAfterFirst);
        Assert.Equal(writesAfterFirst, host.ApiRequests.Count(IsWrite));
        Assert.True(second.IsReady);
        Assert.Empty(second.Missing);
        Assert.Empty(second.Changed);
    }

    [Fact]
    public async Task EnsureDataModelAsync_CreatesBlueprintWithEveryPropertyAndNoFormats_WhenItIsMissing()
    {
        var port = new BlueprintStore(CustomerUser);
        using var host = new PortTestHost(PortStub.Route(port.Respond));

        await host.Catalog.EnsureDataModelAsync(default);

        var post = Assert.Single(host.ApiRequests, r => r.Method == HttpMethod.Post);
        Assert.Equal("/v1/blueprints", post.RawPathAndQuery);
        var body = PortStub.Body(post);
        Assert.Equal("hibob_user", body["identifier"]!.GetValue<string>());
        Assert.Equal("HiBob User", body["title"]!.GetValue<string>());
        var properties = body["schema"]!["properties"]!.AsObject();
        Assert.Equal(
            ["id", "displayName", "firstName", "surname", "fullName", "email", "companyId", "state", "avatarUrl",
                "coverImageUrl", "creationDatetime", "creationDate", "isManager", "durationOfEmployment",
                "department", "work_title"],
            properties.Select(p => p.Key));
        Assert.All(properties, p => Assert.False(p.Value!.AsObject().ContainsKey("format")));
        Assert.Equal("boolean", properties["isManager"]!["type"]!.GetValue<string>());
        Assert.Equal(15, properties.Count(p => p.Value!["type"]!.GetValue<string>() == "string"));
    }

    [Fact]
    public async Task EnsureDataModelAsync_AddsOnlyMissingPropertiesAndKeepsTheCustomers_WhenBlueprintExists()
    {
        const string Existing = """
            {"identifier":"hibob_user","title":"HiBob User","schema":{"properties":{
              "email":{"type":"string","title":"Work email"},"costCenter":{"type":"string","title":"Cost center"}},
              "required":[]},"relations":{},"mirrorProperties":{}}
            """;
        var port = new BlueprintStore(CustomerUser, Existing);
        using var host = new PortTestHost(PortStub.Route(port.Respond));

        var status = await host.Catalog.EnsureDataModelAsync(default);

        var patch = host.ApiRequests.First(r => r.Method == HttpMethod.Patch);
        Assert.Equal("/v1/blueprints/hibob_user", patch.RawPathAndQuery);
        var sent = PortStub.Body(patch)["schema"]!["properties"]!.AsObject();
        Assert.Equal("Work email", sent["email"]!["title"]!.GetValue<string>());
        Assert.Equal("Cost center", sent["costCenter"]!["title"]!.GetValue<string>());
        Assert.Equal(17, sent.Count);
        Assert.Equal(
            "added hibob_user properties id, displayName, firstName, surname, fullName, companyId, state, avatarUrl, "
            + "coverImageUrl, creationDatetime, creationDate, isManager, durationOfEmployment, department, work_title",
            status.Changed[0]);
        Assert.True(status.IsReady);
    }

    [Fact]
    public async Task CheckDataModelAsync_ListsWhatIsMissingInWords_AndWritesNothing()
    {
        const string Partial = """
            {"identifier":"hibob_user","title":"HiBob User","schema":{"properties":{
              "id":{"type":"string"},"displayName":{"type":"string"},"firstName":{"type":"string"},
              "surname":{"type":"string"},"fullName":{"type":"string"},"companyId":{"type":"string"},
              "state":{"type":"string"},"avatarUrl":{"type":"string"},"coverImageUrl":{"type":"string"},
              "creationDatetime":{"type":"string"},"creationDate":{"type":"string"},"isManager":{"type":"string"},
              "durationOfEmployment":{"type":"string"},"department":{"type":"string"}}}}
            """;
        var port = new BlueprintStore(
            """{"identifier":"_user","title":"User","schema":{"properties":{}},"relations":{},"mirrorProperties":{}}""",
            Partial);
        using var host = new PortTestHost(PortStub.Route(port.Respond));

        var status = await host.Catalog.CheckDataModelAsync(default);

        Assert.False(status.IsReady);
        Assert.Equal(
            [
                "hibob_user property email",
                "hibob_user property isManager of type boolean (Port has string)",
                "hibob_user property work_title",
                "_user relation hibob_user",
                "_user mirror property hibob_display_name",
            ],
            status.Missing);
        Assert.Empty(status.Changed);
        Assert.DoesNotContain(host.ApiRequests, IsWrite);
    }

    [Fact]
    public async Task EnsureDataModelAsync_LeavesPropertyOfOtherTypeListedAsMissing_WhenTheCustomerMadeItAString()
    {
        const string GuideBlueprint = """
            {"identifier":"hibob_user","title":"Hibob User","schema":{"properties":{"isManager":{"type":"string"}}}}
            """;
        var port = new BlueprintStore(CustomerUser, GuideBlueprint);
        using var host = new PortTestHost(PortStub.Route(port.Respond));

        var status = await host.Catalog.EnsureDataModelAsync(default);

        Assert.False(status.IsReady);
        Assert.Equal(["hibob_user property isManager of type boolean (Port has string)"], status.Missing);
        var patch = host.ApiRequests.First(r => r.Method == HttpMethod.Patch);
        var sentProperties = PortStub.Body(patch)["schema"]!["properties"]!;
        Assert.Equal("string", sentProperties["isManager"]!["type"]!.GetValue<string>());
    }

    [Fact] // B19a
    public async Task EnsureDataModelAsync_ThrowsPortMessage_WhenPortRejectsTheBlueprint()
    {
        var port = new BlueprintStore(CustomerUser) { RejectWrites = true };
        using var host = new PortTestHost(PortStub.Route(port.Respond));

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.EnsureDataModelAsync(default));

        Assert.Equal("Port 422: fake: property x is not allowed", error.Message);
    }

    private static bool IsWrite(RecordedRequest request) => request.Method != HttpMethod.Get;

    /// <summary>Port's blueprint routes over an in-memory store; PATCH replaces the top-level keys it gets.
    /// </summary>
    private sealed class BlueprintStore
    {
        private readonly Dictionary<string, JsonObject> _blueprints = [];

        public BlueprintStore(string user, string? hibobUser = null)
        {
            _blueprints["_user"] = JsonNode.Parse(user)!.AsObject();
            if (hibobUser is not null)
            {
                _blueprints["hibob_user"] = JsonNode.Parse(hibobUser)!.AsObject();
            }
        }

        public bool RejectWrites { get; init; }

        public HttpResponseMessage Respond(RecordedRequest request, int n)
        {
            if (RejectWrites && request.Method != HttpMethod.Get)
            {
                return PortStub.Error(
                    HttpStatusCode.UnprocessableEntity,
                    "invalid_request",
                    "fake: property x is not allowed");
            }

            var path = request.Uri.AbsolutePath;
            var id = path["/v1/blueprints".Length..].TrimStart('/');
            if (request.Method == HttpMethod.Post && id.Length == 0)
            {
                var created = PortStub.Body(request);
                _blueprints[created["identifier"]!.GetValue<string>()] = created;
                return Answer(created);
            }

            if (!_blueprints.TryGetValue(id, out var blueprint))
            {
                return PortStub.Error(
                    HttpStatusCode.NotFound,
                    "not_found",
                    $"Blueprint with identifier \"{id}\" was not found");
            }

            if (request.Method == HttpMethod.Patch)
            {
                foreach (var (key, value) in PortStub.Body(request))
                {
                    blueprint[key] = value?.DeepClone();
                }
            }

            return Answer(blueprint);
        }

        private static HttpResponseMessage Answer(JsonObject blueprint) =>
            StubHttpHandler.Json(
                HttpStatusCode.OK,
                new JsonObject { ["ok"] = true, ["blueprint"] = blueprint.DeepClone() }.ToJsonString());
    }
}
