using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using HiBobAdmin.Benchmarks;

const string Usage = """
    Usage: dotnet run -c Release --project HiBobAdmin.Benchmarks -- <what>
      all                     everything below (sync at 1k, 10k and 50k)
      reconcile               reconciliation of 1k, 10k, 100k employees × as many Port users (BenchmarkDotNet)
      grid                    one 50-row People page filtered by status over 100k rows (BenchmarkDotNet)
      sync [N ...]            full sync, unchanged re-sync, 1% re-sync against the sandbox at 50 ms latency
                              (default sizes 1000 10000 50000; the sandbox runs in this process, each sync in a
                              HiBobAdmin process of its own whose peak working set is reported)
    """;

// The report is this program's product: it goes to standard output, which `> results.md` can keep.
var output = Console.Out;
var command = args.Length > 0 ? args[0].ToLowerInvariant() : "";
var sizes = args.Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).ToArray();
if (sizes.Length == 0)
{
    sizes = [1_000, 10_000, 50_000];
}

// A short job: three warm-ups and three measured iterations keep the whole set within a few minutes.
var config = DefaultConfig.Instance.AddJob(Job.ShortRun).WithOptions(ConfigOptions.DisableLogFile);

switch (command)
{
    case "all":
        BenchmarkRunner.Run<ReconcileBenchmarks>(config);
        BenchmarkRunner.Run<GridBenchmarks>(config);
        return await RunSyncSizesAsync(sizes, output);
    case "reconcile":
        BenchmarkRunner.Run<ReconcileBenchmarks>(config);
        return 0;
    case "grid":
        BenchmarkRunner.Run<GridBenchmarks>(config);
        return 0;
    case "sync":
        return await RunSyncSizesAsync(sizes, output);
    case SyncReport.ChildCommand when sizes.Length == 1:
        return await SyncReport.RunOneSizeAsync(sizes[0], output);
    default:
        output.WriteLine(Usage);
        return command is "" or "help" or "--help" or "-h" ? 0 : 1;
}

static async Task<int> RunSyncSizesAsync(IEnumerable<int> sizes, TextWriter output)
{
    SyncReport.WriteHeader(output);
    foreach (var size in sizes)
    {
        // A fresh process per size hosts that size's sandbox; the syncs it measures run in processes of their own.
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(typeof(SyncReport).Assembly.Location);
        }

        start.ArgumentList.Add(SyncReport.ChildCommand);
        start.ArgumentList.Add(size.ToString(CultureInfo.InvariantCulture));
        using var child = Process.Start(start)!;
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null)
        {
            output.WriteLine(line);
        }

        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            output.WriteLine($"The sync at {size} employees failed (exit code {child.ExitCode}).");
            return child.ExitCode;
        }
    }

    SyncReport.WriteTargets(output);
    return 0;
}
