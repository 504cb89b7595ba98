using System.Globalization;

namespace HiBobAdmin.Benchmarks;

/// <summary>Prints the end-to-end measurements as Markdown rows beside the targets of issue 6.</summary>
internal static class SyncReport
{
    /// <summary>The internal command the parent starts once per size.</summary>
    public const string ChildCommand = "sync-one";

    private const double MegaByte = 1024 * 1024;

    public static void WriteHeader(TextWriter output)
    {
        output.WriteLine(
            "| Employees | Scenario | Status | Entity changes | Links | Port writes (data model) | Expected writes | Port reads | HiBob requests | Wall (s) | Ideal (s) | Ratio | Process (s) | Peak working set (MB) |");
        output.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    public static async Task<int> RunOneSizeAsync(int employees, TextWriter output)
    {
        var scenario = new SyncScenario(employees);
        var results = await scenario.RunAsync();
        foreach (var m in results)
        {
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"| {m.Employees:N0} | {m.Scenario} | {m.Status} | {m.EntityChanges} | {m.Links} | {m.PortWrites} ({m.DataModelWrites}) | {m.ExpectedWrites} | {m.PortReads} | {m.HiBobRequests} | {m.Wall.TotalSeconds:F2} | {m.IdealWall.TotalSeconds:F2} | {(m.RatioToIdeal is { } r ? r.ToString("F2", CultureInfo.InvariantCulture) : "–")} | {m.ProcessWall.TotalSeconds:F2} | {m.PeakWorkingSet / MegaByte:F0} |"));
        }

        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"|  | sandbox process (not measured above): working set after seeding {scenario.SandboxWorkingSet / MegaByte:F0} MB, now {Environment.WorkingSet / MegaByte:F0} MB |  |  |  |  |  |  |  |  |  |  |  |  |"));
        return 0;
    }

    public static void WriteTargets(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Latency {SyncScenario.LatencyMs} ms per sandbox request. Targets: ratio ≤ 1.15; Port writes = expected writes;");
        output.WriteLine("unchanged re-sync 0 writes; peak working set of the sync process at 50k < 300 MB (the sandbox runs in another process).");
    }
}
