using System.Net;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Sandbox;

public sealed class PortBlueprintSandboxTests
{
    [Fact]
    public async Task GetBlueprint_ReturnsUserWithManagedPropertiesAndNoHibobUserRelation_AtStart()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var user = await SandboxHttp.GetAsync(port, "v1/blueprints/_user");
        using var hibobUser = await SandboxHttp.GetAsync(port, "v1/blueprints/hibob_user");

        Assert.Equal(HttpStatusCode.OK, user.StatusCode);
        var blueprint = (await SandboxHttp.ReadObjectAsync(user))["blueprint"]!;
        var properties = blueprint["schema"]!["properties"]!.AsObject()
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal);
        Assert.Equal(["moderated_blueprints", "port_role", "port_type", "status"], properties);
        Assert.Null(blueprint["relations"]!["hibob_user"]);
        Assert.Equal(HttpStatusCode.NotFound, hibobUser.StatusCode);
        Assert.Equal("not_found", (await SandboxHttp.ReadObjectAsync(hibobUser))["error"]!.GetValue<string>());
    }

    [Fact]
    public async Task CreateBlueprint_Returns201ThenConflict_WhenCreatedTwice()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var first = await SandboxHttp.PostAsync(port, "v1/blueprints", PortDataModel.HibobUserBlueprint);
        using var second = await SandboxHttp.PostAsync(port, "v1/blueprints", PortDataModel.HibobUserBlueprint);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var created = (await SandboxHttp.ReadObjectAsync(first))["blueprint"]!;
        Assert.Equal("hibob_user", created["identifier"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Theory]
    [InlineData("""{"title":"No identifier","schema":{"properties":{}}}""")]
    [InlineData("""{"identifier":"x","title":"No schema"}""")]
    [InlineData("""
        {"identifier":"x","title":"X","schema":{"properties":{}},
         "relations":{"r":{"target":"missing","required":false,"many":false}}}
        """)]
    public async Task CreateBlueprint_Returns422_WhenRequiredFieldMissingOrRelationTargetUnknown(string body)
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var response = await SandboxHttp.PostAsync(port, "v1/blueprints", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False((await SandboxHttp.ReadObjectAsync(response))["ok"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PatchBlueprint_KeepsCustomerRelationAndAddsHibobUser_WhenWholeMapsSent()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        await PortDataModel.CreateAsync(port);

        var user = host.State.GetBlueprint("_user")!;
        Assert.Equal(["office", "hibob_user"], user["relations"]!.AsObject().Select(p => p.Key));
        Assert.Equal("hibob_user", user["relations"]!["hibob_user"]!["target"]!.GetValue<string>());
        var mirror = user["mirrorProperties"]!["hibob_display_name"]!;
        Assert.Equal("hibob_user.displayName", mirror["path"]!.GetValue<string>());
        Assert.NotNull(user["mirrorProperties"]!["office_city"]);
    }

    [Fact]
    public async Task PatchBlueprint_ReplacesRelationsMapAndRefuses_WhenAMirrorPropertyLosesItsRelation()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();
        using var created = await SandboxHttp.PostAsync(port, "v1/blueprints", PortDataModel.HibobUserBlueprint);

        // A client that sends only its own relation replaces the map and so drops "office", which office_city uses.
        using var response = await SandboxHttp.PatchAsync(port, "v1/blueprints/_user", """
            {"relations":{"hibob_user":{"title":"HiBob user","target":"hibob_user","required":false,"many":false}}}
            """);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var message = (await SandboxHttp.ReadObjectAsync(response))["message"]!.GetValue<string>();
        Assert.Contains("office", message, StringComparison.Ordinal);
        Assert.NotNull(host.State.GetBlueprint("_user")!["relations"]!["office"]);
    }

    [Fact]
    public async Task PatchBlueprint_Returns422_WhenMirrorPathNamesNoRelation()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var response = await SandboxHttp.PatchAsync(port, "v1/blueprints/_user", """
            {"mirrorProperties":{"office_city":{"title":"Office city","path":"office.city"},
                                 "hibob_display_name":{"title":"HiBob","path":"hibob_user.displayName"}}}
            """);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(host.State.GetBlueprint("_user")!["mirrorProperties"]!["hibob_display_name"]);
    }

    [Fact]
    public async Task PatchBlueprint_MergesSchemaProperties_WhenOnePropertySent()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();
        await PortDataModel.CreateAsync(port);

        using var response = await SandboxHttp.PatchAsync(
            port, "v1/blueprints/hibob_user", """{"schema":{"properties":{"department":{"type":"string"}}}}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var properties = host.State.GetBlueprint("hibob_user")!["schema"]!["properties"]!.AsObject();
        Assert.True(properties.ContainsKey("department"));
        Assert.True(properties.ContainsKey("email"));
    }

    [Fact]
    public async Task PatchBlueprint_Returns422_WhenAManagedUserPropertyChanges()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var response = await SandboxHttp.PatchAsync(
            port, "v1/blueprints/_user", """{"schema":{"properties":{"status":{"type":"number"}}}}""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(
            "string",
            host.State.GetBlueprint("_user")!["schema"]!["properties"]!["status"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListBlueprints_IncludesUserAndOffice_AtStart()
    {
        await using var host = await SandboxHost.StartAsync(o => o.EmployeeCount = 0);
        using var port = await host.CreatePortClientAsync();

        using var response = await SandboxHttp.GetAsync(port, "v1/blueprints");

        var ids = (await SandboxHttp.ReadObjectAsync(response))["blueprints"]!.AsArray()
            .Select(b => b!["identifier"]!.GetValue<string>());
        Assert.Equal(["_user", "office"], ids);
    }
}
