using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Sandbox;

public sealed class HiBobSandboxTests
{
    private const string Search = "v1/people/search";

    [Fact]
    public async Task Search_ReturnsEachRequestedFieldNestedAndAsSlashKey_WhenFieldsGiven()
    {
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();
        var id = host.State.SeedSummary.Of(SandboxSeedKind.Matched)[0].EmployeeIds[0];
        var expected = host.State.GetEmployee(id)!;

        var employees = await SearchAsync(client, $$"""
            {"fields":["root.email","work.isManager","internal.status","work.department"],
             "filters":[{"fieldPath":"root.id","operator":"equals","values":["{{id}}"]}]}
            """);

        var employee = Assert.Single(employees)!.AsObject();
        Assert.Equal(id, employee["id"]!.GetValue<string>());
        Assert.Equal(expected["root.email"]!.GetValue<string>(), employee["email"]!.GetValue<string>());
        Assert.Equal(expected["root.email"]!.GetValue<string>(), employee["/root/email"]!["value"]!.GetValue<string>());
        var isManager = expected["work.isManager"]!.GetValue<bool>();
        Assert.Equal(isManager, employee["work"]!["isManager"]!.GetValue<bool>());
        Assert.Equal(isManager, employee["/work/isManager"]!["value"]!.GetValue<bool>());
        Assert.Equal("Active", employee["internal"]!["status"]!.GetValue<string>());
        Assert.Equal("Active", employee["/internal/status"]!["value"]!.GetValue<string>());
        Assert.Matches("^[0-9]+$", employee["work"]!["department"]!.GetValue<string>());
        Assert.Equal(
            [
                "id", "email", "work", "internal",
                "/root/email", "/work/isManager", "/internal/status", "/work/department",
            ],
            employee.Select(property => property.Key));
    }

    [Fact]
    public async Task Search_ReturnsDurationOfEmploymentMachineForm_WhenRequested()
    {
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();
        var id = host.State.AddEmployee(new JsonObject
        {
            ["internal.status"] = "Active",
            ["work.durationOfEmployment"] = new JsonObject
            {
                ["periodISO"] = "P9Y3M8D",
                ["sortFactor"] = 3388,
                ["humanize"] = "9 years, 3 months and 8 days",
            },
        });

        var employee = await ReadOneAsync(client, id, """{"fields":["work.durationOfEmployment"]}""");

        var duration = employee["work"]!["durationOfEmployment"]!;
        Assert.Equal("P9Y3M8D", duration["periodISO"]!.GetValue<string>());
        Assert.Equal(3388, duration["sortFactor"]!.GetValue<int>());
        Assert.Equal("9 years, 3 months and 8 days", duration["humanize"]!.GetValue<string>());
        Assert.Equal("P9Y3M8D", employee["/work/durationOfEmployment"]!["value"]!["periodISO"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_ReturnsOnlyActiveEmployees_WhenShowInactiveOmitted()
    {
        // B02
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();

        var employees = await SearchAsync(client, """{"fields":["root.id","internal.status"]}""");

        Assert.Equal(host.State.SeedSummary.ActiveEmployeeRecords, employees.Count);
        Assert.All(employees, e => Assert.Equal("Active", e!["internal"]!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Search_ReturnsLeaversToo_WhenShowInactiveTrue()
    {
        // B02
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();
        var leaver = host.State.SeedSummary.Of(SandboxSeedKind.LeaverWithActiveUser)[0].EmployeeIds[0];

        var employees = await SearchAsync(client, """{"fields":["root.id","internal.status"],"showInactive":true}""");

        Assert.Equal(host.State.SeedSummary.EmployeeRecords, employees.Count);
        var found = Assert.Single(employees, e => e!["id"]!.GetValue<string>() == leaver);
        Assert.Equal("Inactive", found!["internal"]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"filters":null}""")]
    [InlineData("""{"filters":[]}""")]
    [InlineData("""{"filters":{}}""")]
    public async Task Search_Returns400_WhenFiltersNullOrEmpty(string body)
    {
        // B03
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();

        using var response = await SandboxHttp.PostAsync(client, Search, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await SandboxHttp.ReadObjectAsync(response);
        Assert.Equal("bad_request", error["key"]!.GetValue<string>());
        Assert.Contains("omit it", error["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""
        [{"fieldPath":"root.id","operator":"equals","values":["1"]},
         {"fieldPath":"root.id","operator":"equals","values":["2"]}]
        """)]
    [InlineData("""[{"fieldPath":"work.title","operator":"equals","values":["1"]}]""")]
    [InlineData("""[{"fieldPath":"root.email","operator":"contains","values":["a"]}]""")]
    [InlineData("""[{"fieldPath":"root.email","operator":"equals","values":[]}]""")]
    public async Task Search_Returns400_WhenFilterIsNotSupported(string filters)
    {
        // B03
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();

        using var response = await SandboxHttp.PostAsync(client, Search, $$"""{"filters":{{filters}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(string.IsNullOrEmpty((await SandboxHttp.ReadObjectAsync(response))["error"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Search_Returns400_WhenMoreThan400Fields()
    {
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();
        var fields = new JsonArray([.. Enumerable.Range(0, 401).Select(i => (JsonNode)$"work.custom.field_{i}")]);

        var body = new JsonObject { ["fields"] = fields }.ToJsonString();
        using var response = await SandboxHttp.PostAsync(client, Search, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await SandboxHttp.ReadObjectAsync(response))["error"]!.GetValue<string>();
        Assert.Contains("at most 400", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_FindsEmployeeByEmailFilter_WhenStoredEmailIsPaddedAndMixedCase()
    {
        // B09
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = host.CreateHiBobClient();
        var id = host.State.AddEmployee(new JsonObject
        {
            ["root.email"] = "  Ana.Test@Example.COM ",
            ["internal.status"] = "Active",
        });

        var employees = await SearchAsync(client, """
            {"fields":["root.email"],
             "filters":[{"fieldPath":"root.email","operator":"equals","values":["ana.test@example.com"]}]}
            """);

        var employee = Assert.Single(employees);
        Assert.Equal(id, employee!["id"]!.GetValue<string>());
        Assert.Equal("  Ana.Test@Example.COM ", employee["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_KeepsNullAbsentAndBlankEmailsApart_WhenEmployeesHaveNoEmail()
    {
        // B04
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = host.CreateHiBobClient();
        var nullEmail = host.State.AddEmployee(
            new JsonObject { ["root.email"] = null, ["internal.status"] = "Active" });
        var absent = host.State.AddEmployee(new JsonObject { ["internal.status"] = "Active" });
        var blank = host.State.AddEmployee(new JsonObject { ["root.email"] = "   ", ["internal.status"] = "Active" });

        var employees = (await SearchAsync(client, """{"fields":["root.id","root.email"]}"""))
            .ToDictionary(e => e!["id"]!.GetValue<string>(), e => e!.AsObject());

        Assert.True(employees[nullEmail].ContainsKey("email"));
        Assert.Null(employees[nullEmail]["email"]);
        Assert.Null(employees[nullEmail]["/root/email"]!["value"]);
        Assert.False(employees[absent].ContainsKey("email"));
        Assert.False(employees[absent].ContainsKey("/root/email"));
        Assert.Equal("   ", employees[blank]["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_DropsFieldSilently_WhenServiceUserLacksPermission()
    {
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();
        host.State.HideHiBobField("root.email");

        using var response = await SandboxHttp.PostAsync(
            client, Search, """{"fields":["root.id","root.email","root.displayName"]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var employees = (await SandboxHttp.ReadObjectAsync(response))["employees"]!.AsArray();
        Assert.NotEmpty(employees);
        Assert.All(employees, e =>
        {
            Assert.False(e!.AsObject().ContainsKey("email"));
            Assert.False(e.AsObject().ContainsKey("/root/email"));
            Assert.NotNull(e["displayName"]);
        });
    }

    [Fact]
    public async Task Search_ReplacesMachineValuesWithDisplayValues_WhenHumanReadableIsReplace()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = host.CreateHiBobClient();
        var department = HiBobFieldCatalog.Lists[HiBobFieldCatalog.DepartmentList][0];
        var id = host.State.AddEmployee(new JsonObject
        {
            ["root.email"] = null,
            ["root.companyId"] = 640412,
            ["work.isManager"] = false,
            ["work.department"] = department.Id,
            ["internal.status"] = "Active",
        });

        var employee = await ReadOneAsync(client, id, """
            {"fields":["root.email","root.companyId","work.isManager","work.department"],"humanReadable":"REPLACE"}
            """);

        Assert.False(employee.ContainsKey("email"));
        Assert.Equal("640412", employee["companyId"]!.GetValue<string>());
        Assert.Equal("No", employee["work"]!["isManager"]!.GetValue<string>());
        Assert.Equal(department.Name, employee["work"]!["department"]!.GetValue<string>());
        Assert.DoesNotContain(employee, property => property.Key.StartsWith('/'));
    }

    [Fact]
    public async Task Search_Returns429WithRateLimitHeaders_WhenOverFiftySearchesInOneMinute()
    {
        // B05
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 30, TimeSpan.Zero));
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 5, time);
        using var client = host.CreateHiBobClient();
        var reset = new DateTimeOffset(2026, 3, 2, 10, 1, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var i = 0; i < 50; i++)
        {
            using var allowed = await SandboxHttp.PostAsync(client, Search, "{}");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await SandboxHttp.PostAsync(client, Search, "{}");
        time.Advance(TimeSpan.FromSeconds(30));
        using var afterReset = await SandboxHttp.PostAsync(client, Search, "{}");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("too_many_requests", (await SandboxHttp.ReadObjectAsync(refused))["key"]!.GetValue<string>());
        Assert.Equal("50", SandboxHttp.Header(refused, "X-RateLimit-Limit"));
        Assert.Equal("0", SandboxHttp.Header(refused, "X-RateLimit-Remaining"));
        Assert.Equal(reset.ToString(CultureInfo.InvariantCulture), SandboxHttp.Header(refused, "X-RateLimit-Reset"));
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal("49", SandboxHttp.Header(afterReset, "X-RateLimit-Remaining"));
    }

    [Theory]
    [InlineData("sandbox-service-user", "wrong-token")]
    [InlineData("someone-else", "sandbox-token")]
    public async Task Search_Returns401WithUnauthorizedKey_WhenCredentialsWrong(string id, string token)
    {
        // B05
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient(id, token);

        using var response = await SandboxHttp.PostAsync(client, Search, "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await SandboxHttp.ReadObjectAsync(response))["key"]!.GetValue<string>());
    }

    [Fact]
    public async Task Search_Returns401_WhenNoAuthorizationHeader()
    {
        await using var host = await SandboxHost.StartAsync();
        using var client = new HttpClient { BaseAddress = host.HiBobBaseAddress };

        using var response = await SandboxHttp.PostAsync(client, Search, "{}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task ReadOne_FindsPlusAddressedEmployee_WhenEmailIsPercentEncoded()
    {
        // B10
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = host.CreateHiBobClient();
        host.State.AddEmployee(
            new JsonObject { ["root.id"] = "3000000000000000100", ["root.email"] = "qa@example.com" });
        host.State.AddEmployee(
            new JsonObject { ["root.id"] = "3000000000000000101", ["root.email"] = "qa+bob@example.com" });

        var employee = await ReadOneAsync(client, "qa%2Bbob%40example.com", """{"fields":["root.id","root.email"]}""");

        Assert.Equal("3000000000000000101", employee["id"]!.GetValue<string>());
        Assert.Equal("qa+bob@example.com", employee["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadOne_FindsEmployee_WhenEmailDiffersInCaseAndPadding()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = host.CreateHiBobClient();
        var id = host.State.AddEmployee(new JsonObject { ["root.email"] = " Ana.Test@Example.com " });

        var employee = await ReadOneAsync(client, "ana.test%40example.com", """{"fields":["root.id"]}""");

        Assert.Equal(id, employee["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadOne_ReturnsActiveRecord_WhenRehireSharesTheEmail()
    {
        // B11
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();
        var rehire = host.State.SeedSummary.Of(SandboxSeedKind.Rehire)[0];

        var employee = await ReadOneAsync(
            client,
            Uri.EscapeDataString(rehire.HiBobEmails[0]!),
            """{"fields":["root.id","internal.status"]}""");

        Assert.Equal(rehire.EmployeeIds[1], employee["id"]!.GetValue<string>());
        Assert.Equal("Active", employee["internal"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ReadOne_Returns404WithNotFoundKey_WhenNoEmployeeHasTheIdentifier()
    {
        // B10
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();

        using var response = await SandboxHttp.PostAsync(
            client, "v1/people/nobody%40example.com", """{"fields":["root.id"]}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await SandboxHttp.ReadObjectAsync(response);
        Assert.Equal("not_found", error["key"]!.GetValue<string>());
        Assert.Contains("nobody@example.com", error["error"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_ListsKnownFieldsWithIdNameAndCategory()
    {
        await using var host = await SandboxHost.StartAsync();
        using var client = host.CreateHiBobClient();

        using var response = await client.GetAsync(new Uri("v1/company/people/fields", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var fields = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        var email = Assert.Single(fields, f => f!["id"]!.GetValue<string>() == "root.email")!;
        Assert.Equal("Email", email["name"]!.GetValue<string>());
        Assert.Equal("root", email["category"]!.GetValue<string>());
        Assert.Contains(fields, f => f!["id"]!.GetValue<string>() == "work.durationOfEmployment");
    }

    [Fact]
    public async Task LegacyGetPeople_Returns404AndIsAudited_BecauseHiBobShutItOff()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var client = host.CreateHiBobClient();

        using var response = await SandboxHttp.GetAsync(client, "v1/people");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("not_found", (await SandboxHttp.ReadObjectAsync(response))["key"]!.GetValue<string>());
        Assert.Equal(1, host.State.CountRequests("GET", "/sandbox/hibob/", 404));
    }

    internal static async Task<JsonArray> SearchAsync(HttpClient client, string body)
    {
        using var response = await SandboxHttp.PostAsync(client, Search, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await SandboxHttp.ReadObjectAsync(response))["employees"]!.AsArray();
    }

    private static async Task<JsonObject> ReadOneAsync(HttpClient client, string encodedIdentifier, string body)
    {
        using var response = await SandboxHttp.PostAsync(client, "v1/people/" + encodedIdentifier, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await SandboxHttp.ReadObjectAsync(response);
    }
}
