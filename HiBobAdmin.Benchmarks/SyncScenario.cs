using System.Diagnostics;
using System.Globalization;
using HiBobAdmin.Hosting;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Benchmarks;

/// <summary>
/// Full syncs by the real app in CLI mode (<c>HiBobAdmin sync</c>, a process of its own, the real Refit clients over
/// loopback HTTP) against the sandbox served by this process, seeded with <c>employees</c> HiBob records and
/// answering every request after <see cref="LatencyMs"/>: a first sync, a re-sync with nothing changed, and one after
/// 1% of employees changed. Each sync is a fresh process, as cron would start it, so its peak working set is the
/// sync's own (decision 0050).
/// </summary>
internal sealed class SyncScenario(int employees)
{
    public const int LatencyMs = 50;

    private static readonly TimeSpan PeakPollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>This process's working set once the sandbox has started and been seeded.</summary>
    public long SandboxWorkingSet { get; private set; }

    public async Task<IReadOnlyList<SyncMeasurement>> RunAsync()
    {
        var sandboxDirectory = Directory.CreateTempSubdirectory("hibobadmin-bench-sandbox-").FullName;
        var syncDirectory = Directory.CreateTempSubdirectory("hibobadmin-bench-sync-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Sandbox:Enabled"] = "true",
                ["Sandbox:StatePath"] = "",
                ["Sandbox:EmployeeCount"] = employees.ToString(CultureInfo.InvariantCulture),
                ["Sandbox:Faults:LatencyMs"] = LatencyMs.ToString(CultureInfo.InvariantCulture),
                ["Storage:DataDirectory"] = sandboxDirectory,
                ["Sync:Schedule"] = "",
            };

            // The app composition with the sandbox on a free loopback port; this process never syncs.
            await using var sandboxHost = AppHost.Build(
                [],
                HostMode.Cli,
                builder => builder.Configuration.AddInMemoryCollection(settings));
            await AppHost.InitialiseAsync(sandboxHost, HostMode.Cli, CancellationToken.None);
            await sandboxHost.StartAsync();
            try
            {
                var sandbox = sandboxHost.Services.GetRequiredService<SandboxState>();
                SandboxWorkingSet = Environment.WorkingSet;
                var sync = new SyncProcess(SyncSettings(sandboxHost.Configuration, syncDirectory));
                await using var storage = StorageOf(syncDirectory);
                var results = new List<SyncMeasurement>
                {
                    await MeasureAsync(sync, storage, sandbox, "first full sync"),
                    await MeasureAsync(sync, storage, sandbox, "re-sync, nothing changed"),
                };

                var changed = ChangeOnePercent(sandbox);
                results.Add(await MeasureAsync(sync, storage, sandbox, $"re-sync, 1% changed ({changed})"));
                return results;
            }
            finally
            {
                await sandboxHost.StopAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(sandboxDirectory, recursive: true);
            Directory.Delete(syncDirectory, recursive: true);
        }
    }

    /// <summary>
    /// What the sync process is given as configuration: the sandbox's base URLs and credentials, exactly as an operator
    /// configures the real vendors (environment variables, so no secret appears on a command line).
    /// </summary>
    private static Dictionary<string, string> SyncSettings(IConfiguration sandboxHost, string dataDirectory) => new()
    {
        ["Sandbox__Enabled"] = "false",
        ["HiBob__BaseUrl"] = sandboxHost["HiBob:BaseUrl"]!,
        ["HiBob__ServiceUserId"] = sandboxHost["HiBob:ServiceUserId"]!,
        ["HiBob__ServiceUserToken"] = sandboxHost["HiBob:ServiceUserToken"]!,
        ["Port__BaseUrl"] = sandboxHost["Port:BaseUrl"]!,
        ["Port__ClientId"] = sandboxHost["Port:ClientId"]!,
        ["Port__ClientSecret"] = sandboxHost["Port:ClientSecret"]!,
        ["Storage__DataDirectory"] = dataDirectory,
        ["Sync__Schedule"] = "",
    };

    /// <summary>The sync process's database, opened here after each run to read what it recorded.</summary>
    private static ServiceProvider StorageOf(string dataDirectory)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory })
            .Build();
        return new ServiceCollection().AddStorage(configuration, dataDirectory).BuildServiceProvider();
    }

    /// <summary>Renames 1% of the employees in HiBob, as a day of HR edits would.</summary>
    private static int ChangeOnePercent(SandboxState sandbox)
    {
        var ids = sandbox.EmployeeIds;
        var changed = 0;
        for (var i = 0; i < ids.Count; i += 100)
        {
            sandbox.SetEmployeeField(ids[i], "root.displayName", $"Renamed {ids[i]}");
            changed++;
        }

        return changed;
    }

    private async Task<SyncMeasurement> MeasureAsync(
        SyncProcess sync,
        ServiceProvider storage,
        SandboxState sandbox,
        string scenario)
    {
        sandbox.ResetRequestCounts();
        var exit = await sync.RunAsync(PeakPollInterval);
        if (exit.ExitCode is not (0 or 2))
        {
            throw new InvalidOperationException(
                $"HiBobAdmin sync exited with {exit.ExitCode}:{Environment.NewLine}{exit.Output}");
        }

        var contexts = storage.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        var run = await db.Runs.AsNoTracking().OrderByDescending(r => r.QueuedAt).FirstAsync();
        var items = await db.RunItems.AsNoTracking()
            .Where(item => item.RunId == run.Id && item.Outcome == SyncItemOutcome.Applied)
            .GroupBy(item => item.Action)
            .Select(group => new { Action = group.Key, Count = group.Count() })
            .ToListAsync();
        var entityChanges = items
            .Where(i => i.Action is SyncItemAction.CreateEntity or SyncItemAction.UpdateEntity or SyncItemAction.MarkInactive)
            .Sum(i => i.Count);
        var links = items
            .Where(i => i.Action is SyncItemAction.LinkUser or SyncItemAction.RelinkUser or SyncItemAction.CreateUser)
            .Sum(i => i.Count);

        return new SyncMeasurement(
            employees,
            scenario,
            run.Status,
            entityChanges,
            links,
            PortWrites: CountPortWrites(sandbox),
            DataModelWrites: CountPortWrites(sandbox, route => !route.Contains("/entities", StringComparison.Ordinal)),
            PortReads: CountPortReads(sandbox),
            HiBobRequests: sandbox.CountRequests(routeContains: "/sandbox/hibob/"),
            run.Duration ?? TimeSpan.Zero,
            sync.Concurrency,
            exit.PeakWorkingSet,
            exit.Elapsed);
    }

    /// <summary>Requests that change Port: everything but reads, searches and the token route.</summary>
    private static int CountPortWrites(SandboxState sandbox, Func<string, bool>? where = null) =>
        sandbox.RequestCounts
            .Where(pair => where is null || where(pair.Key.Route))
            .Where(pair => pair.Key.Route.StartsWith("/sandbox/port/", StringComparison.Ordinal))
            .Where(pair => pair.Key.Method != HttpMethods.Get)
            .Where(pair => !pair.Key.Route.EndsWith("/search", StringComparison.Ordinal)
                && !pair.Key.Route.EndsWith("/access_token", StringComparison.Ordinal))
            .Sum(pair => pair.Value);

    private static int CountPortReads(SandboxState sandbox) =>
        sandbox.CountRequests(routeContains: "/sandbox/port/") - CountPortWrites(sandbox);
}
