using System.Net;
using System.Text;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Port;

public sealed class PortEntityReaderTests
{
    [Fact]
    public async Task ReadUsersAsync_SendsNextBackAsFrom_UntilPortStopsSendingIt()
    {
        string[] pages =
        [
            """
            {"ok":true,"next":"cursor-1","entities":[
              {"identifier":"ada.lovelace@example.com","title":"Ada Lovelace",
               "properties":{"status":"Active","port_type":"Standard"},
               "relations":{"hibob_user":"3000000000000000001"}}]}
            """,
            """
            {"ok":true,"next":"cursor-2","entities":[
              {"identifier":"grace.hopper@example.com","title":"Grace Hopper",
               "properties":{"status":"Invited"},"relations":{"hibob_user":null}}]}
            """,
            """
            {"ok":true,"entities":[
              {"identifier":"bot@serviceaccounts.getport.io","title":"CI bot",
               "properties":{"status":"Active","port_type":"Service Account"},
               "relations":{"hibob_user":["3000000000000000009","3000000000000000010"]}}]}
            """,
        ];
        using var host = new PortTestHost(PortStub.Route((_, n) => StubHttpHandler.Json(HttpStatusCode.OK, pages[n])));

        var users = await host.Catalog.ReadUsersAsync(null, default);

        Assert.Equal(
            [
                new PortUser("ada.lovelace@example.com", "Ada Lovelace", "Active", "Standard", "3000000000000000001"),
                new PortUser("grace.hopper@example.com", "Grace Hopper", "Invited", null, null),
                new PortUser(
                    "bot@serviceaccounts.getport.io",
                    "CI bot",
                    "Active",
                    "Service Account",
                    "3000000000000000009"),
            ],
            users);
        Assert.All(host.ApiRequests, r => Assert.Equal("/v1/blueprints/_user/entities/search", r.RawPathAndQuery));
        Assert.Equal(
            [null, "cursor-1", "cursor-2"],
            host.ApiRequests.Select(r => PortStub.Body(r)["from"]?.GetValue<string>()));
        Assert.False(PortStub.Body(host.ApiRequests[0]).ContainsKey("from"));
        Assert.Equal(
            """{"query":{"combinator":"and","rules":[]},"include":"""
                + """["$identifier","$title","status","port_type","port_role","hibob_user"],"limit":1000}""",
            host.ApiRequests[0].Body);
    }

    [Fact]
    public async Task ReadUsersAsync_SearchesIdentifiersWithInRule_WhenIdentifiersAreGiven()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            StubHttpHandler.Json(HttpStatusCode.OK, """{"ok":true,"entities":[]}""")));
        var identifiers = Enumerable.Range(1, 250).Select(PortTestData.Email).ToList();

        await host.Catalog.ReadUsersAsync(identifiers, default);

        Assert.Equal(3, host.ApiRequests.Count);
        var rules = host.ApiRequests
            .Select(r => Assert.Single(PortStub.Body(r)["query"]!["rules"]!.AsArray())!)
            .ToList();
        Assert.All(rules, rule => Assert.Equal("$identifier", rule["property"]!.GetValue<string>()));
        Assert.All(rules, rule => Assert.Equal("in", rule["operator"]!.GetValue<string>()));
        // The three searches run side by side, so they may arrive in any order.
        Assert.Equal(
            identifiers.Order(StringComparer.Ordinal),
            rules.SelectMany(rule => rule["value"]!.AsArray().Select(v => v!.GetValue<string>())).Order(StringComparer.Ordinal));
        Assert.Equal([100, 100, 50], rules.Select(rule => rule["value"]!.AsArray().Count).Order().Reverse());
    }

    [Fact]
    public async Task ReadUsersAsync_ReturnsUsersInTheOrderAsked_WhateverOrderTheSearchesAnswerIn()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) =>
        {
            var asked = PortStub.Body(request)["query"]!["rules"]![0]!["value"]!.AsArray().Select(v => v!.GetValue<string>());
            var entities = string.Join(',', asked.Select(id => $$$"""{"identifier":"{{{id}}}","properties":{"status":"Active"}}"""));
            return StubHttpHandler.Json(HttpStatusCode.OK, $$"""{"ok":true,"entities":[{{entities}}]}""");
        }));
        var identifiers = Enumerable.Range(1, 450).Select(PortTestData.Email).ToList();

        var users = await host.Catalog.ReadUsersAsync(identifiers, default);

        Assert.Equal(5, host.ApiRequests.Count);
        Assert.Equal(identifiers, users.Select(u => u.Identifier));
    }

    [Fact]
    public async Task ReadUsersAsync_MakesNoCall_WhenIdentifierListIsEmpty()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            StubHttpHandler.Json(HttpStatusCode.OK, """{"ok":true,"entities":[]}""")));

        var users = await host.Catalog.ReadUsersAsync([], default);

        Assert.Empty(users);
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public async Task ReadHibobUsersAsync_MapsEveryProperty_AndLeavesAbsentOnesNull()
    {
        const string Page = """
            {"ok":true,"entities":[
              {"identifier":"3000000000000000001","title":"Ana Test","properties":{
                "id":"3000000000000000001","displayName":"Ana Test","firstName":"Ana","surname":"Test",
                "fullName":"Ana Test","email":"Ana.Test@Example.COM","companyId":640123,"state":"Active",
                "avatarUrl":"https://img.example.com/a.png","coverImageUrl":null,
                "creationDatetime":"2021-03-04T10:11:12.123","creationDate":"2021-03-04","isManager":true,
                "durationOfEmployment":"4 years","department":"254321","work_title":"173546"}},
              {"identifier":"3000000000000000002","properties":{"isManager":"false","state":"Inactive"}}]}
            """;
        using var host = new PortTestHost(PortStub.Route((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, Page)));

        var entities = await host.Catalog.ReadHibobUsersAsync(null, default);

        Assert.Equal(
            [
                new HibobUserEntity("3000000000000000001", "Ana Test", new HibobUserProperties
                {
                    Id = "3000000000000000001",
                    DisplayName = "Ana Test",
                    FirstName = "Ana",
                    Surname = "Test",
                    FullName = "Ana Test",
                    Email = "Ana.Test@Example.COM",
                    CompanyId = "640123",
                    State = "Active",
                    AvatarUrl = "https://img.example.com/a.png",
                    CreationDatetime = "2021-03-04T10:11:12.123",
                    CreationDate = "2021-03-04",
                    IsManager = true,
                    DurationOfEmployment = "4 years",
                    Department = "254321",
                    WorkTitle = "173546",
                }),
                new HibobUserEntity(
                    "3000000000000000002",
                    null,
                    new HibobUserProperties { IsManager = false, State = "Inactive" }),
            ],
            entities);
        Assert.Equal("/v1/blueprints/hibob_user/entities/search", Assert.Single(host.ApiRequests).RawPathAndQuery);
        Assert.Equal(
            ["$identifier", "$title", "id", "displayName", "firstName", "surname", "fullName", "email", "companyId",
                "state", "avatarUrl", "coverImageUrl", "creationDatetime", "creationDate", "isManager",
                "durationOfEmployment", "department", "work_title"],
            PortStub.Body(host.ApiRequests[0])["include"]!.AsArray().Select(v => v!.GetValue<string>()));
    }

    [Fact] // B19a
    public async Task ReadUsersAsync_ThrowsPortMessage_WhenSearchIsRejected()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            PortStub.Error(HttpStatusCode.UnprocessableEntity, "invalid_request", "fake: property x is not allowed")));

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.ReadUsersAsync(null, default));

        Assert.Equal("Port 422: fake: property x is not allowed", error.Message);
        Assert.Equal(422, error.StatusCode);
    }

    [Fact] // B19
    public async Task ReadUsersAsync_ThrowsNonJson_WhenPortAnswersHtmlWith200()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StringContent("<html>proxy login</html>"),
        }));

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.ReadUsersAsync(null, default));

        Assert.Equal("Unexpected non-JSON response from Port", error.Message);
    }

    [Fact]
    public async Task ReadUsersAsync_StopsWithMessage_WhenPortRepeatsTheSameCursor()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            StubHttpHandler.Json(HttpStatusCode.OK, """{"ok":true,"next":"stuck","entities":[]}""")));

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.ReadUsersAsync(null, default));

        Assert.Equal("Port returned the same page of _user twice; the search was stopped", error.Message);
        Assert.Equal(2, host.ApiRequests.Count);
    }

    [Theory]
    [InlineData("""{"ok":true,"entities":[{"identifier":"ada@example.com"}""")] // cut off
    [InlineData("""[{"identifier":"ada@example.com"}]""")] // not an object
    [InlineData("""{"ok":true,"entities":[]} {"ok":true}""")] // something after the object
    [InlineData("")]
    [InlineData("""{"next":"c1","next":null,"entities":[]}""")] // which cursor?
    [InlineData("""{"entities":[{"identifier":"a@example.com"}],"entities":[]}""")] // which list?
    [InlineData("""{"entities":[{"identifier":"a@example.com","identifier":"b@example.com"}]}""")]
    [InlineData("""{"entities":[{"identifier":"a@example.com","title":"\ud800"}]}""")] // a lone surrogate
    public async Task ReadUsersAsync_ThrowsNonJson_WhenThePageIsNotOneJsonObject(string body)
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, body)));

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.ReadUsersAsync(null, default));

        Assert.Equal("Unexpected non-JSON response from Port", error.Message);
    }

    [Fact]
    public async Task ReadUsersAsync_ReadsAPageInAnyKeyOrder_AndPassesOverWhatIsNotAnEntity()
    {
        string[] pages =
        [
            """
            {"next":"cursor-1","meta":{"took":[1,2,{"deep":true}]},"entities":[
              null, "text", 7, [1],
              {"identifier":"ada.lovelace@example.com","title":"Ada Lovelace","properties":{"status":"Active"},
               "extra":{"nested":[{"a":1}]}}],
             "ok":true}
            """,
            // A byte order mark, and whitespace after the object, as a proxy may leave them.
            "\uFEFF" + """{"entities":[{"identifier":"grace.hopper@example.com","title":"Grace Hopper"}],"next":null}""" + "\n\n",
        ];
        using var host = new PortTestHost(PortStub.Route((_, n) => StubHttpHandler.Json(HttpStatusCode.OK, pages[n])));

        var users = await host.Catalog.ReadUsersAsync(null, default);

        Assert.Equal(
            [
                new PortUser("ada.lovelace@example.com", "Ada Lovelace", "Active", null, null),
                new PortUser("grace.hopper@example.com", "Grace Hopper", null, null, null),
            ],
            users);
        Assert.Equal(2, host.ApiRequests.Count);
    }

    [Fact]
    public async Task ReadHibobUsersAsync_ReadsAPageLargerThanTheFirstBuffer()
    {
        // 1000 entities of about 400 bytes: the body outgrows the 64 KiB buffer it starts in several times.
        var department = new string('d', 300);
        var entities = Enumerable.Range(0, 1000).Select(i =>
            $"{{\"identifier\":\"{3000000000000000000 + i}\",\"title\":\"Person {i}\",\"properties\":"
            + $"{{\"email\":\"person{i}@example.com\",\"department\":\"{department}\"}}}}");
        var page = $$"""{"ok":true,"entities":[{{string.Join(",", entities)}}]}""";
        using var host = new PortTestHost(PortStub.Route((_, _) => StubHttpHandler.Json(HttpStatusCode.OK, page)));

        var read = await host.Catalog.ReadHibobUsersAsync(null, default);

        Assert.Equal(1000, read.Count);
        Assert.Equal("person999@example.com", read[^1].Properties.Email);
        Assert.Equal("3000000000000000000", read[0].Identifier);
    }

    [Fact]
    public async Task ReadUsersAsync_ThrowsNonJson_WhenAnEntityHoldsBytesThatAreNotUtf8()
    {
        byte[] body =
        [
            .. Encoding.UTF8.GetBytes("""{"entities":[{"identifier":"a"""), 0xC3, 0x28,
            .. Encoding.UTF8.GetBytes("""@example.com"}]}"""),
        ];
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(body) }));

        var error = await Assert.ThrowsAsync<VendorApiException>(() => host.Catalog.ReadUsersAsync(null, default));

        Assert.Equal("Unexpected non-JSON response from Port", error.Message);
    }
}
