using System.Diagnostics;
using System.Globalization;
using HiBobAdmin.Hosting;
using HiBobAdmin.Port;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Benchmarks;

/// <summary>
/// Full syncs through the real app composition (<see cref="AppHost"/>, the real Refit clients over loopback HTTP)
/// against the sandbox seeded with <c>employees</c> HiBob records and answering every request after
/// <see cref="LatencyMs"/>: a first sync, a re-sync with nothing changed, and one after 1% of employees changed.
/// </summary>
internal sealed class SyncScenario(int employees)
{
    public const int LatencyMs = 50;

    /// <summary>Working set once the app has started and the sandbox is seeded, before any sync.</summary>
    public long BaselineWorkingSet { get; private set; }

    public static long CurrentWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    public static long PeakWorkingSet()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    public async Task<IReadOnlyList<SyncMeasurement>> RunAsync()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("hibobadmin-bench-").FullName;
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Sandbox:Enabled"] = "true",
                ["Sandbox:StatePath"] = "",
                ["Sandbox:EmployeeCount"] = employees.ToString(CultureInfo.InvariantCulture),
                ["Sandbox:Faults:LatencyMs"] = LatencyMs.ToString(CultureInfo.InvariantCulture),
                ["Storage:DataDirectory"] = dataDirectory,
                ["Sync:Schedule"] = "",
            };
            await using var app = AppHost.Build(
                [],
                HostMode.Cli,
                builder => builder.Configuration.AddInMemoryCollection(settings));
            await AppHost.InitialiseAsync(app, HostMode.Cli, CancellationToken.None);
            await app.StartAsync();
            try
            {
                var sandbox = app.Services.GetRequiredService<SandboxState>();
                var concurrency = app.Services.GetRequiredService<IOptions<PortWriteOptions>>().Value.MaxConcurrentRequests;
                BaselineWorkingSet = CurrentWorkingSet();
                var results = new List<SyncMeasurement>
                {
                    await MeasureAsync(app.Services, sandbox, "first full sync", concurrency),
                    await MeasureAsync(app.Services, sandbox, "re-sync, nothing changed", concurrency),
                };

                var changed = ChangeOnePercent(sandbox);
                results.Add(await MeasureAsync(app.Services, sandbox, $"re-sync, 1% changed ({changed})", concurrency));
                return results;
            }
            finally
            {
                await app.StopAsync();
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
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
        IServiceProvider services,
        SandboxState sandbox,
        string scenario,
        int concurrency)
    {
        sandbox.ResetRequestCounts();
        await using var scope = services.CreateAsyncScope();
        var launcher = scope.ServiceProvider.GetRequiredService<SyncLauncher>();
        var runner = scope.ServiceProvider.GetRequiredService<SyncRunner>();
        var launch = await launcher.AdmitAsync(SyncKind.Full, null, SyncTrigger.Cli, "benchmark", false, CancellationToken.None);
        if (!launch.Accepted)
        {
            throw new InvalidOperationException($"The sync was refused: {launch.Message}");
        }

        var clock = Stopwatch.StartNew();
        var run = await runner.ExecuteAsync(launch.RunId!.Value, CancellationToken.None);
        clock.Stop();

        var db = scope.ServiceProvider.GetRequiredService<HiBobAdminDbContext>();
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
            clock.Elapsed,
            concurrency);
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
