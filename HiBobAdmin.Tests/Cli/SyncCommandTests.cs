using HiBobAdmin.Cli;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace HiBobAdmin.Tests.Cli;

[Collection(WholeApp.Name)]
public sealed class SyncCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("hibobadmin-cli-").FullName;

    private Action<WebApplicationBuilder> Settings(int employees = 300) => builder =>
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = _data,
            ["Sandbox:EmployeeCount"] = employees.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    [Fact]
    public async Task Sync_PrintsCountsAndExitsZero_ThenASecondRunReportsZeroWrites()
    {
        var firstOutput = new StringWriter();
        var secondOutput = new StringWriter();

        var first = await SyncCommand.RunAsync(["sync"], firstOutput, Settings());
        var second = await SyncCommand.RunAsync(["sync"], secondOutput, Settings());

        Assert.Equal(0, first);
        Assert.Contains("Full sync: Succeeded", firstOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("employees read: 300", firstOutput.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("writes planned: 0", firstOutput.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, second);
        Assert.Contains("created: 0, updated: 0, linked: 0", secondOutput.ToString(), StringComparison.Ordinal);
        Assert.Contains("writes planned: 0", secondOutput.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_ExitsOne_AndPrintsWhy_WhenTheCompletenessGuardBlocks()
    {
        var output = new StringWriter();
        Assert.Equal(0, await SyncCommand.RunAsync(["sync"], new StringWriter(), Settings()));

        // A sandbox of its own, seeded with a third of the people: HiBob "lost" two thirds of them.
        var smaller = Path.Combine(_data, "smaller-sandbox.json");

        var code = await SyncCommand.RunAsync(["sync", $"--Sandbox:StatePath={smaller}"], output, Settings(employees: 100));

        Assert.Equal(SyncCommand.Failure, code);
        Assert.Contains("Full sync: Blocked", output.ToString(), StringComparison.Ordinal);
        Assert.Matches(
            @"Blocked: HiBob returned \d+ active employees, \d+% of the \d+ in the last successful run \(threshold 80%\)\.",
            output.ToString());
    }

    [Fact]
    public async Task SyncDryRun_PlansButWritesNothing_SoTheRealRunStillHasWork()
    {
        var dry = new StringWriter();
        var real = new StringWriter();

        Assert.Equal(0, await SyncCommand.RunAsync(["sync", "--dry-run"], dry, Settings()));
        Assert.Equal(0, await SyncCommand.RunAsync(["sync"], real, Settings()));

        Assert.Contains("Full sync (dry run): Succeeded", dry.ToString(), StringComparison.Ordinal);
        Assert.Contains("entities to create", dry.ToString(), StringComparison.Ordinal);
        Assert.Contains("nothing written", dry.ToString(), StringComparison.Ordinal);
        Assert.Matches(@"\n  CreateEntity \d+ \(.+\): New hibob_user entity \("".+@.+""\)\.\r?\n", dry.ToString());
        Assert.Matches(@"\n  LinkUser .+@.+ \(.+\): hibob_user relation: \(none\) → \d+\r?\n", dry.ToString());
        Assert.DoesNotContain("writes planned: 0", real.ToString(), StringComparison.Ordinal);

        var after = new StringWriter();
        Assert.Equal(0, await SyncCommand.RunAsync(["sync", "--dry-run"], after, Settings()));
        Assert.EndsWith("Planned changes: none.", after.ToString().TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncEmail_ExitsOne_WithTheExactInput_WhenNobodyHasThatEmail()
    {
        var output = new StringWriter();

        var exit = await SyncCommand.RunAsync(["sync", "--email", "nobody+x@example.com"], output, Settings());

        Assert.Equal(1, exit);
        Assert.Contains("No HiBob employee with email nobody+x@example.com", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sync_ExitsOne_WithUsage_WhenEmailHasNoAddress()
    {
        var output = new StringWriter();

        var exit = await SyncCommand.RunAsync(["sync", "--email"], output, Settings());

        Assert.Equal(1, exit);
        Assert.Contains("Usage: HiBobAdmin sync", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--dryrun")]
    [InlineData("--bogus")]
    [InlineData("extra")]
    public async Task Sync_RefusesUnknownOptions_WithoutSyncing(string option)
    {
        var output = new StringWriter();

        var exit = await SyncCommand.RunAsync(["sync", option], output, Settings());

        Assert.Equal(1, exit);
        Assert.StartsWith($"Unknown option '{option}'.", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "sandbox-state.json")));
    }

    [Fact]
    public async Task SyncHelp_PrintsUsage_AndSyncsNothing()
    {
        var output = new StringWriter();

        var exit = await SyncCommand.RunAsync(["sync", "--help"], output, Settings());

        Assert.Equal(0, exit);
        Assert.StartsWith("Usage: HiBobAdmin sync", output.ToString(), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_data, "sandbox-state.json")));
    }

    [Theory]
    [InlineData(SyncRunStatus.Succeeded, 0)]
    [InlineData(SyncRunStatus.CompletedWithFailures, 2)]
    [InlineData(SyncRunStatus.Failed, 1)]
    [InlineData(SyncRunStatus.Blocked, 1)]
    [InlineData(SyncRunStatus.Interrupted, 1)]
    public void ExitCodeOf_FollowsTheDocumentedContract(SyncRunStatus status, int expected) =>
        Assert.Equal(expected, SyncCommand.ExitCodeOf(status));

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }
}
