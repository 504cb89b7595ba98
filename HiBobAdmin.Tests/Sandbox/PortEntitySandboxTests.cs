using System.Net;
using System.Text.Json.Nodes;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Sandbox;

public sealed class PortEntitySandboxTests
{
    private const string HibobUserBulk = "v1/blueprints/hibob_user/entities/bulk?upsert=true&merge=true";
    private const string UserBulk = "v1/blueprints/_user/entities/bulk?upsert=true&merge=true";
    private const string UserSearch = "v1/blueprints/_user/entities/search";

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public async Task Bulk_Returns422_WhenEntityCountOutsideOneToTwenty(int count)
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        var entities = Enumerable.Range(0, count).Select(i => (JsonNode)new JsonObject { ["identifier"] = $"{i}" });
        var body = new JsonObject { ["entities"] = new JsonArray([.. entities]) }.ToJsonString();

        using var response = await SandboxHttp.PostAsync(port, HibobUserBulk, body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(host.State.GetPortEntities("hibob_user"));
    }

    [Fact]
    public async Task Bulk_Returns413_WhenBodyIsOverOneMiB()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        var body = new JsonObject
        {
            ["entities"] = new JsonArray(new JsonObject
            {
                ["identifier"] = "1001",
                ["properties"] = new JsonObject { ["displayName"] = new string('a', 1024 * 1024) },
            }),
        };

        using var response = await SandboxHttp.PostAsync(port, HibobUserBulk, body.ToJsonString());

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("payload_too_large", (await SandboxHttp.ReadObjectAsync(response))["error"]!.GetValue<string>());
        Assert.Empty(host.State.GetPortEntities("hibob_user"));
    }

    [Fact]
    public async Task Bulk_Returns404_WhenBlueprintDoesNotExist()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var response = await SandboxHttp.PostAsync(
            port, HibobUserBulk, """{"entities":[{"identifier":"1001"}]}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await SandboxHttp.ReadObjectAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_Returns207MappingEachFailureToItsIndex_WhenSomeItemsAreInvalid()
    {
        // B04
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);

        using var response = await SandboxHttp.PostAsync(port, UserBulk, """
            {"entities":[
              {"identifier":"eli.ok@example.com"},
              {"identifier":"o'neil@example.com"},
              {"identifier":"zoë@example.com","properties":{"nickname":"Zo"}},
              {"identifier":"ana@example.com","properties":{"status":true}},
              {"identifier":"zoë@example.com"}]}
            """);

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var body = await SandboxHttp.ReadObjectAsync(response);
        var succeeded = body["entities"]!.AsArray();
        Assert.Equal([0, 4], succeeded.Select(e => e!["index"]!.GetValue<int>()));
        Assert.Equal(
            ["eli.ok@example.com", "zoë@example.com"],
            succeeded.Select(e => e!["identifier"]!.GetValue<string>()));
        Assert.All(succeeded, e => Assert.True(e!["created"]!.GetValue<bool>()));
        var errors = body["errors"]!.AsArray();
        Assert.Equal([1, 2, 3], errors.Select(e => e!["index"]!.GetValue<int>()));
        Assert.Equal(
            ["o'neil@example.com", "zoë@example.com", "ana@example.com"],
            errors.Select(e => e!["identifier"]!.GetValue<string>()));
        Assert.All(errors, e => Assert.Equal(422, e!["statusCode"]!.GetValue<int>()));
        Assert.Equal("property nickname is not allowed", errors[1]!["message"]!.GetValue<string>());
        Assert.Null(host.State.GetPortEntity("_user", "ana@example.com"));
    }

    [Fact]
    public async Task Bulk_Returns422Item_WhenIdentifierIsLongerThan1000Characters()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        var body = new JsonObject
        {
            ["entities"] = new JsonArray(new JsonObject { ["identifier"] = new string('a', 1001) }),
        };

        using var response = await SandboxHttp.PostAsync(port, HibobUserBulk, body.ToJsonString());

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var error = Assert.Single((await SandboxHttp.ReadObjectAsync(response))["errors"]!.AsArray())!;
        Assert.Equal(422, error["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bulk_ReportsRelatedEntityNotFound_WhenRelationTargetIsMissing()
    {
        await using var host = await SandboxHost.StartAsync();
        using var port = await ModelledPortAsync(host);
        var user = host.State.SeedSummary.Of(SandboxSeedKind.Matched)[0].PortIdentifier!;

        using var response = await SandboxHttp.PostAsync(port, UserBulk, $$$"""
            {"entities":[{"identifier":"{{{user}}}","relations":{"hibob_user":"4000000000000000001"}}]}
            """);

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var error = Assert.Single((await SandboxHttp.ReadObjectAsync(response))["errors"]!.AsArray())!;
        Assert.Equal(0, error["index"]!.GetValue<int>());
        Assert.Equal(404, error["statusCode"]!.GetValue<int>());
        Assert.Equal("not_found", error["error"]!.GetValue<string>());
        Assert.Equal(
            "Related entity hibob_user:4000000000000000001 was not found",
            error["message"]!.GetValue<string>());
        Assert.Null(host.State.GetPortEntity("_user", user)!["relations"]!["hibob_user"]);
    }

    [Fact]
    public async Task Bulk_CreatesBareTarget_WhenCreateMissingRelatedEntitiesAndTargetNotProtected()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);

        using var response = await SandboxHttp.PostAsync(
            port,
            UserBulk + "&create_missing_related_entities=true",
            """{"entities":[{"identifier":"eve.ok@example.com","relations":{"hibob_user":"1001"}}]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(host.State.GetPortEntity("hibob_user", "1001"));
    }

    [Fact]
    public async Task Bulk_DoesNotCreateUser_WhenCreateMissingRelatedEntitiesTargetsProtectedUser()
    {
        // B07
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        using var laptop = await SandboxHttp.PostAsync(port, "v1/blueprints", """
            {"identifier":"laptop","title":"Laptop","schema":{"properties":{}},
             "relations":{"owner":{"target":"_user","required":false,"many":false}}}
            """);

        using var response = await SandboxHttp.PostAsync(
            port,
            "v1/blueprints/laptop/entities/bulk?upsert=true&create_missing_related_entities=true",
            """{"entities":[{"identifier":"lt-1","relations":{"owner":"ghost@example.com"}}]}""");

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var error = Assert.Single((await SandboxHttp.ReadObjectAsync(response))["errors"]!.AsArray())!;
        Assert.Equal(404, error["statusCode"]!.GetValue<int>());
        Assert.Null(host.State.GetPortEntity("_user", "ghost@example.com"));
    }

    [Fact]
    public async Task Bulk_CreatesStagedMemberUserAndLinksIt_WhenUserIsNew()
    {
        // B07
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        using var employee = await SandboxHttp.PostAsync(port, HibobUserBulk, """
            {"entities":[{"identifier":"1001","title":"Dan New",
                          "properties":{"displayName":"Dan New","email":"dan.new@example.com"}}]}
            """);

        using var response = await SandboxHttp.PostAsync(port, UserBulk, """
            {"entities":[{"identifier":"dan.new@example.com","relations":{"hibob_user":"1001"}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = Assert.Single((await SandboxHttp.ReadObjectAsync(response))["entities"]!.AsArray())!;
        Assert.True(result["created"]!.GetValue<bool>());
        var user = host.State.GetPortEntity("_user", "dan.new@example.com")!;
        Assert.Equal("Staged", user["properties"]!["status"]!.GetValue<string>());
        Assert.Equal("Member", user["properties"]!["port_role"]!.GetValue<string>());
        Assert.Equal("Standard", user["properties"]!["port_type"]!.GetValue<string>());
        Assert.Equal("1001", user["relations"]!["hibob_user"]!.GetValue<string>());
        Assert.Equal("Dan New", user["properties"]!["hibob_display_name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_RenamesUser_WhenTitleIsSent()
    {
        // B07
        await using var host = await SandboxHost.StartAsync();
        using var port = await ModelledPortAsync(host);
        var user = host.State.SeedSummary.Of(SandboxSeedKind.Matched)[0].PortIdentifier!;

        using var response = await SandboxHttp.PostAsync(port, UserBulk, $$"""
            {"entities":[{"identifier":"{{user}}","title":"Someone Else"}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Someone Else", host.State.GetPortEntity("_user", user)!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_Returns409Item_WhenUpsertIsFalseAndEntityExists()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        const string body = """{"entities":[{"identifier":"1001"}]}""";
        const string create = "v1/blueprints/hibob_user/entities/bulk?upsert=false";
        using var first = await SandboxHttp.PostAsync(port, create, body);

        using var second = await SandboxHttp.PostAsync(port, create, body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.MultiStatus, second.StatusCode);
        var error = Assert.Single((await SandboxHttp.ReadObjectAsync(second))["errors"]!.AsArray())!;
        Assert.Equal(409, error["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bulk_ChangesOnlySentFields_WhenMergeAndReplacesAll_WhenNoMerge()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        using var seed = await SandboxHttp.PostAsync(port, HibobUserBulk, """
            {"entities":[{"identifier":"1001","title":"Ana","properties":{"email":"ana@example.com","state":"Active"}},
                         {"identifier":"1002","title":"Ben","properties":{"email":"ben@example.com","state":"Active"}}]}
            """);

        using var merged = await SandboxHttp.PostAsync(port, HibobUserBulk, """
            {"entities":[{"identifier":"1001","properties":{"state":"Inactive"}}]}
            """);
        using var replaced = await SandboxHttp.PostAsync(port, "v1/blueprints/hibob_user/entities/bulk?upsert=true", """
            {"entities":[{"identifier":"1002","properties":{"state":"Inactive"}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var ana = host.State.GetPortEntity("hibob_user", "1001")!;
        Assert.Equal("Ana", ana["title"]!.GetValue<string>());
        Assert.Equal("ana@example.com", ana["properties"]!["email"]!.GetValue<string>());
        Assert.Equal("Inactive", ana["properties"]!["state"]!.GetValue<string>());
        var ben = host.State.GetPortEntity("hibob_user", "1002")!;
        Assert.Null(ben["title"]);
        Assert.Null(ben["properties"]!["email"]);
        Assert.Equal("Inactive", ben["properties"]!["state"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_ClearsRelation_WhenRelationValueIsNull()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await ModelledPortAsync(host);
        using var employee = await SandboxHttp.PostAsync(
            port, HibobUserBulk, """{"entities":[{"identifier":"1001"}]}""");
        using var linked = await SandboxHttp.PostAsync(port, UserBulk, """
            {"entities":[{"identifier":"ana@example.com","relations":{"hibob_user":"1001"}}]}
            """);

        using var unlinked = await SandboxHttp.PostAsync(port, UserBulk, """
            {"entities":[{"identifier":"ana@example.com","relations":{"hibob_user":null}}]}
            """);

        Assert.Equal(HttpStatusCode.OK, unlinked.StatusCode);
        var user = host.State.GetPortEntity("_user", "ana@example.com")!;
        Assert.True(user["relations"]!.AsObject().ContainsKey("hibob_user"));
        Assert.Null(user["relations"]!["hibob_user"]);
    }

    [Fact]
    public async Task Bulk_Returns409Item_WhenNewUserDiffersOnlyInCaseFromAnExistingUser()
    {
        // B09: the sandbox refuses a second Port user for a re-cased email.
        await using var host = await SandboxHost.StartAsync();
        using var port = await ModelledPortAsync(host);
        var person = host.State.SeedSummary.Of(SandboxSeedKind.MatchedCaseDiffers)[0];
        var normalised = person.PortIdentifier!.ToLowerInvariant();

        using var response = await SandboxHttp.PostAsync(
            port, UserBulk, $$"""{"entities":[{"identifier":"{{normalised}}"}]}""");

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var error = Assert.Single((await SandboxHttp.ReadObjectAsync(response))["errors"]!.AsArray())!;
        Assert.Equal(409, error["statusCode"]!.GetValue<int>());
        Assert.Null(host.State.GetPortEntity("_user", normalised));
    }

    [Fact]
    public async Task Search_PagesThroughEveryUserInIdentifierOrder_WhenLimitIsSmall()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 30);
        using var port = await host.CreatePortClientAsync();
        var seen = new List<string>();
        string? from = null;
        var pages = 0;

        do
        {
            var body = new JsonObject
            {
                ["query"] = new JsonObject { ["combinator"] = "and", ["rules"] = new JsonArray() },
                ["include"] = new JsonArray("$identifier", "status"),
                ["limit"] = 10,
            };
            if (from is not null)
            {
                body["from"] = from;
            }

            using var response = await SandboxHttp.PostAsync(port, UserSearch, body.ToJsonString());
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await SandboxHttp.ReadObjectAsync(response);
            seen.AddRange(page["entities"]!.AsArray().Select(e => e!["identifier"]!.GetValue<string>()));
            from = page["next"]?.GetValue<string>();
            pages++;
        }
        while (from is not null);

        var expected = host.State.GetPortEntities("_user").Select(e => e["identifier"]!.GetValue<string>()).ToList();
        Assert.Equal(host.State.SeedSummary.PortUsers, seen.Count);
        Assert.Equal(expected, seen);
        Assert.Equal(expected.Order(StringComparer.Ordinal), seen);
        Assert.Equal((seen.Count + 9) / 10, pages);
    }

    [Fact]
    public async Task Search_ReturnsOnlyMatchingIdentifiersAndIncludedFields_WhenRulesAndIncludeGiven()
    {
        await using var host = await SandboxHost.StartAsync();
        using var port = await host.CreatePortClientAsync();
        var wanted = host.State.SeedSummary.Of(SandboxSeedKind.Matched)
            .Take(3).Select(p => p.PortIdentifier!).Order(StringComparer.Ordinal).ToArray();
        var body = new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["combinator"] = "and",
                ["rules"] = new JsonArray(new JsonObject
                {
                    ["property"] = "$identifier",
                    ["operator"] = "in",
                    ["value"] = new JsonArray([.. wanted.Select(w => (JsonNode)w)]),
                }),
            },
            ["include"] = new JsonArray("$identifier", "$title", "status"),
        };

        using var response = await SandboxHttp.PostAsync(port, UserSearch, body.ToJsonString());

        var entities = (await SandboxHttp.ReadObjectAsync(response))["entities"]!.AsArray();
        Assert.Equal(wanted, entities.Select(e => e!["identifier"]!.GetValue<string>()));
        var first = entities[0]!.AsObject();
        Assert.Equal(["identifier", "title", "properties"], first.Select(p => p.Key));
        Assert.Equal(["status"], first["properties"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [InlineData("""{"property":"$identifier","operator":"in","value":["b@example.com","c@example.com","zz@example.com"]}""", "b,c")]
    [InlineData("""{"property":"$identifier","operator":"notIn","value":["b@example.com"]}""", "a,c,d")]
    [InlineData("""{"property":"$title","operator":"in","value":["Cy"]}""", "c")]
    [InlineData("""{"property":"$title","operator":"notIn","value":["Cy"]}""", "a,b,d")]
    [InlineData("""{"property":"status","operator":"in","value":["Disabled","Staged"]}""", "b,d")]
    [InlineData("""{"property":"$identifier","operator":"=","value":"a@example.com"}""", "a")]
    [InlineData(
        """{"combinator":"or","rules":[{"property":"$title","operator":"=","value":"Ada"},"""
            + """{"property":"status","operator":"!=","value":"Active"}]}""",
        "a,b,d")]
    public async Task Search_ReturnsWhatEachRuleForm_Selects(string rule, string expected)
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();
        foreach (var (id, title, status) in new[] { ("a", "Ada", "Active"), ("b", "Bo", "Disabled"), ("c", "Cy", "Active"), ("d", null, "Staged") })
        {
            host.State.PutPortEntity("_user", new JsonObject
            {
                ["identifier"] = $"{id}@example.com",
                ["title"] = title,
                ["properties"] = new JsonObject { ["status"] = status },
            });
        }

        using var response = await SandboxHttp.PostAsync(
            port, UserSearch, $$"""{"query":{"combinator":"and","rules":[{{rule}}]},"include":["$identifier"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var found = (await SandboxHttp.ReadObjectAsync(response))["entities"]!.AsArray()
            .Select(e => e!["identifier"]!.GetValue<string>().Split('@')[0]);
        Assert.Equal(expected, string.Join(',', found));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public async Task Search_Returns422_WhenLimitIsOutsideOneToThousand(int limit)
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var response = await SandboxHttp.PostAsync(
            port, UserSearch, $$"""{"query":{"combinator":"and","rules":[]},"limit":{{limit}}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task GetEntity_FindsPlusAddressedUser_WhenIdentifierIsPercentEncoded()
    {
        // B10
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();
        host.State.PutPortEntity("_user", new JsonObject { ["identifier"] = "qa@example.com", ["title"] = "QA" });
        host.State.PutPortEntity(
            "_user", new JsonObject { ["identifier"] = "qa+bob@example.com", ["title"] = "QA Bob" });

        using var response = await SandboxHttp.GetAsync(port, "v1/blueprints/_user/entities/qa%2Bbob%40example.com");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entity = (await SandboxHttp.ReadObjectAsync(response))["entity"]!;
        Assert.Equal("qa+bob@example.com", entity["identifier"]!.GetValue<string>());
        Assert.Equal("QA Bob", entity["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetEntity_Returns404_WhenEntityDoesNotExist()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var response = await SandboxHttp.GetAsync(port, "v1/blueprints/_user/entities/nobody%40example.com");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await SandboxHttp.ReadObjectAsync(response))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task PatchEntity_SetsStatus_WhenUserExistsAnd404_WhenMissing()
    {
        await using var host = await SandboxHost.StartAsync();
        using var port = await host.CreatePortClientAsync();
        var user = host.State.SeedSummary.Of(SandboxSeedKind.LeaverWithActiveUser)[0].PortIdentifier!;

        const string disable = """{"properties":{"status":"Disabled"}}""";
        using var patched = await SandboxHttp.PatchAsync(
            port, "v1/blueprints/_user/entities/" + Uri.EscapeDataString(user), disable);
        using var missing = await SandboxHttp.PatchAsync(
            port, "v1/blueprints/_user/entities/nobody%40example.com", disable);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var returned = (await SandboxHttp.ReadObjectAsync(patched))["entity"]!;
        Assert.Equal("Disabled", returned["properties"]!["status"]!.GetValue<string>());
        Assert.Equal("Disabled", host.State.GetPortEntity("_user", user)!["properties"]!["status"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Null(host.State.GetPortEntity("_user", "nobody@example.com"));
    }

    [Fact]
    public async Task PatchEntity_Returns422AndKeepsTheStatus_WhenTheStatusIsNotOneOfPorts()
    {
        await using var host = await SandboxHost.StartAsync();
        using var port = await host.CreatePortClientAsync();
        var user = host.State.SeedSummary.Of(SandboxSeedKind.LeaverWithActiveUser)[0].PortIdentifier!;

        using var response = await SandboxHttp.PatchAsync(
            port, "v1/blueprints/_user/entities/" + Uri.EscapeDataString(user), """{"properties":{"status":"Gone"}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = await SandboxHttp.ReadObjectAsync(response);
        Assert.False(error["ok"]!.GetValue<bool>());
        Assert.Equal("property status must be one of the allowed values", error["message"]!.GetValue<string>());
        Assert.Equal("Active", host.State.GetPortEntity("_user", user)!["properties"]!["status"]!.GetValue<string>());
        var received = Assert.Single(host.State.EntityPatches);
        Assert.Equal("""{"properties":{"status":"Gone"}}""", received.Body);
    }

    [Fact]
    public async Task DeleteUser_Returns405AndKeepsUser_AndAuditCountsEveryRequest()
    {
        // B07
        await using var host = await SandboxHost.StartAsync();
        using var port = await ModelledPortAsync(host);
        var user = host.State.SeedSummary.Of(SandboxSeedKind.PortOnly)[0].PortIdentifier!;
        host.State.ResetRequestCounts();
        using var bulk = await SandboxHttp.PostAsync(port, HibobUserBulk, """{"entities":[{"identifier":"1001"}]}""");

        using var response = await SandboxHttp.SendAsync(
            port, HttpMethod.Delete, "v1/blueprints/_user/entities/" + Uri.EscapeDataString(user), null);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.NotNull(host.State.GetPortEntity("_user", user));
        Assert.Equal(1, host.State.CountRequests("DELETE"));
        Assert.Equal(0, host.State.CountRequests("DELETE", statusCode: 200));
        Assert.Equal(1, host.State.CountRequests("POST", "/entities/bulk", 200));
        Assert.Equal(
            1,
            host.State.RequestCounts[new SandboxRequestKey(
                "DELETE", "/sandbox/port/v1/blueprints/{blueprint}/entities/{identifier}", 405)]);
    }

    [Theory]
    [InlineData("DELETE", "v1/blueprints/_user/all-entities", null, 405)]
    [InlineData("DELETE", "v1/blueprints/_user", null, 405)]
    [InlineData("DELETE", "v1/users/ci-deployer%40serviceaccounts.getport.io", null, 405)]
    [InlineData("POST", "v1/blueprints/_user/bulk/entities/delete", """{"entities":["x@example.com"]}""", 405)]
    [InlineData("DELETE", "v1/entities/anything", null, 404)]
    public async Task Routes_RefuseAndAuditUserDeletion_WhicheverRouteIsTried(
        string method,
        string path,
        string? body,
        int expectedStatus)
    {
        // B07
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 30);
        using var port = await host.CreatePortClientAsync();
        var users = host.State.SeedSummary.PortUsers;

        using var response = await SandboxHttp.SendAsync(port, new HttpMethod(method), path, body);

        Assert.Equal(expectedStatus, (int)response.StatusCode);
        Assert.False((await SandboxHttp.ReadObjectAsync(response))["ok"]!.GetValue<bool>());
        Assert.Equal(users, host.State.GetPortEntities("_user").Count);
        Assert.Equal(1, host.State.CountRequests(method, "/sandbox/port/", expectedStatus));
    }

    private static async Task<HttpClient> ModelledPortAsync(SandboxHost host)
    {
        var port = await host.CreatePortClientAsync();
        await PortDataModel.CreateAsync(port);
        return port;
    }
}
