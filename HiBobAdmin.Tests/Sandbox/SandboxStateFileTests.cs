using System.Net;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Sandbox;

public sealed class SandboxStateFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("hibobadmin-sandbox-").FullName;

    private string StatePath => Path.Combine(_directory, "state", "sandbox.json");

    [Fact]
    public async Task StatePath_KeepsOneRunsWritesForTheNextRun()
    {
        string seededUser;
        await using (var first = await SandboxHost.StartAsync(o => ConfigureFile(o, 50)))
        {
            using var port = await first.CreatePortClientAsync();
            await PortDataModel.CreateAsync(port);
            using var bulk = await SandboxHttp.PostAsync(
                port,
                "v1/blueprints/hibob_user/entities/bulk?upsert=true&merge=true",
                """{"entities":[{"identifier":"1001","properties":{"displayName":"Ana Test"}}]}""");
            Assert.Equal(HttpStatusCode.OK, bulk.StatusCode);
            seededUser = first.State.SeedSummary.Of(HiBobAdmin.Sandbox.SandboxSeedKind.Matched)[0].PortIdentifier!;
            using var link = await SandboxHttp.PostAsync(
                port,
                "v1/blueprints/_user/entities/bulk?upsert=true&merge=true",
                $$$"""{"entities":[{"identifier":"{{{seededUser}}}","relations":{"hibob_user":"1001"}}]}""");
            first.State.HideHiBobField("root.email");
        }

        await using var second = await SandboxHost.StartAsync(o => ConfigureFile(o, 999));

        var user = second.State.GetPortEntity("_user", seededUser)!;
        Assert.Equal("1001", user["relations"]!["hibob_user"]!.GetValue<string>());
        Assert.Equal("Ana Test", user["properties"]!["hibob_display_name"]!.GetValue<string>());
        Assert.Equal(50, second.State.SeedSummary.EmployeeRecords);
        Assert.Equal(50, second.State.EmployeeIds.Count);
        Assert.Contains("root.email", second.State.HiddenHiBobFields);
    }

    [Fact]
    public async Task StatePath_ShowsOneProcesssWritesToAnotherRunningBesideIt()
    {
        // The dashboard's sandbox, and a CLI sync's started while the dashboard runs.
        await using var dashboard = await SandboxHost.StartAsync(o => ConfigureFile(o, 30));
        await using var cli = await SandboxHost.StartAsync(o => ConfigureFile(o, 30));
        var seeded = cli.State.SeedSummary.Of(HiBobAdmin.Sandbox.SandboxSeedKind.Matched)[0];
        var employeeId = seeded.EmployeeIds[0];
        using var cliPort = await cli.CreatePortClientAsync();
        await PortDataModel.CreateAsync(cliPort);
        using var entity = await SandboxHttp.PostAsync(
            cliPort,
            "v1/blueprints/hibob_user/entities/bulk?upsert=true&merge=true",
            $$$"""{"entities":[{"identifier":"{{{employeeId}}}","properties":{"displayName":"Ana Test"}}]}""");
        Assert.Equal(HttpStatusCode.OK, entity.StatusCode);
        using var link = await SandboxHttp.PostAsync(
            cliPort,
            "v1/blueprints/_user/entities/bulk?upsert=true&merge=true",
            $$$"""{"entities":[{"identifier":"{{{seeded.PortIdentifier}}}","relations":{"hibob_user":"{{{employeeId}}}"}}]}""");
        Assert.Equal(HttpStatusCode.OK, link.StatusCode);
        cli.State.SetEmployeeField(employeeId, "root.displayName", "Renamed In The Other Process");

        using var dashboardPort = await dashboard.CreatePortClientAsync();
        using var search = await SandboxHttp.PostAsync(
            dashboardPort,
            "v1/blueprints/_user/entities/search",
            $$$"""{"query":{"combinator":"and","rules":[{"property":"$identifier","operator":"=","value":"{{{seeded.PortIdentifier}}}"}]}}""");
        using var hibob = dashboard.CreateHiBobClient();
        using var people = await SandboxHttp.PostAsync(
            hibob,
            "v1/people/search",
            $$$"""{"fields":["root.displayName"],"filters":[{"fieldPath":"root.id","operator":"equals","values":["{{{employeeId}}}"]}]}""");

        var user = (await SandboxHttp.ReadObjectAsync(search))["entities"]![0]!;
        Assert.Equal(employeeId, user["relations"]!["hibob_user"]!.GetValue<string>());
        var employee = (await SandboxHttp.ReadObjectAsync(people))["employees"]![0]!;
        Assert.Equal("Renamed In The Other Process", employee["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatePath_SeedsAndWritesTheFile_WhenItDoesNotExist()
    {
        await using var host = await SandboxHost.StartAsync(o => ConfigureFile(o, 20));

        Assert.True(File.Exists(StatePath));
        Assert.Equal(20, host.State.SeedSummary.EmployeeRecords);
    }

    [Fact]
    public async Task StatePath_StopsStartupWithTheFileName_WhenTheFileIsNotAStateFile()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(StatePath)!);
        await File.WriteAllTextAsync(StatePath, "not json");

        var error = await Assert.ThrowsAsync<InvalidDataException>(
            () => SandboxHost.StartAsync(o => ConfigureFile(o, 20)));

        Assert.Contains(StatePath, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void ConfigureFile(HiBobAdmin.Sandbox.SandboxOptions options, int employeeCount)
    {
        options.StatePath = StatePath;
        options.EmployeeCount = employeeCount;
    }
}
