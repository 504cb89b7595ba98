using System.Globalization;

namespace HiBobAdmin.Benchmarks;

/// <summary>Prints the end-to-end measurements as Markdown rows beside the targets of issue 6.</summary>
internal static class SyncReport
{
    /// <summary>The internal command the parent starts once per size.</summary>
    public const string ChildCommand = "sync-one";

    private const double MegaByte = 1024 * 1024;

    private static readonly string[] Columns =
    [
        "Employees", "Scenario", "Status", "Entity changes", "Links", "Port writes (data model)", "Expected writes",
        "Port reads", "HiBob requests", "Wall (s)", "Ideal (s)", "Ratio", "Process (s)", "Peak working set (MB)",
    ];

    public static void WriteHeader(TextWriter output)
    {
        output.WriteLine(Row(Columns));
        output.WriteLine("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    }

    public static async Task<int> RunOneSizeAsync(int employees, TextWriter output)
    {
        var scenario = new SyncScenario(employees);
        var results = await scenario.RunAsync();
        foreach (var m in results)
        {
            output.WriteLine(Row(
                Invariant($"{m.Employees:N0}"),
                m.Scenario,
                m.Status.ToString(),
                Invariant($"{m.EntityChanges}"),
                Invariant($"{m.Links}"),
                Invariant($"{m.PortWrites} ({m.DataModelWrites})"),
                Invariant($"{m.ExpectedWrites}"),
                Invariant($"{m.PortReads}"),
                Invariant($"{m.HiBobRequests}"),
                Invariant($"{m.Wall.TotalSeconds:F2}"),
                Invariant($"{m.IdealWall.TotalSeconds:F2}"),
                m.RatioToIdeal is { } r ? Invariant($"{r:F2}") : "–",
                Invariant($"{m.ProcessWall.TotalSeconds:F2}"),
                Invariant($"{m.PeakWorkingSet / MegaByte:F0}")));
        }

        var sandbox = "sandbox process (not measured above): working set after seeding "
            + Invariant($"{scenario.SandboxWorkingSet / MegaByte:F0} MB, now {Environment.WorkingSet / MegaByte:F0} MB");
        output.WriteLine(Row(["", sandbox, .. Enumerable.Repeat("", Columns.Length - 2)]));
        return 0;
    }

    public static void WriteTargets(TextWriter output)
    {
        output.WriteLine();
        output.WriteLine($"Latency {SyncScenario.LatencyMs} ms per sandbox request. Targets: ratio ≤ 1.15; Port writes = expected writes;");
        output.WriteLine("unchanged re-sync 0 writes; peak working set of the sync process at 50k < 300 MB (the sandbox runs in another process).");
    }

    private static string Row(params string[] cells) => "| " + string.Join(" | ", cells) + " |";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
