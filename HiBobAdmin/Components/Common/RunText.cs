using System.Globalization;
using HiBobAdmin.Storage;

namespace HiBobAdmin.Components.Common;

/// <summary>The words the run pages use for a run's kind, status, trigger and items.</summary>
public static class RunText
{
    public const string TimeFormat = "yyyy-MM-dd HH:mm:ss 'UTC'";

    public static string Describe(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Kind == SyncKind.Full ? (run.DryRun ? "Dry run" : "Full sync") : $"Sync of {run.Subject}";
    }

    public static string Status(SyncRunStatus status) => status switch
    {
        SyncRunStatus.CompletedWithFailures => "Completed with failures",
        _ => status.ToString(),
    };

    public static string Trigger(SyncTrigger trigger) => trigger switch
    {
        SyncTrigger.Cli => "CLI",
        SyncTrigger.Api => "API",
        _ => trigger.ToString(),
    };

    public static string Start(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return (run.StartedAt ?? run.QueuedAt).ToString(TimeFormat, CultureInfo.InvariantCulture);
    }

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalMinutes: >= 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        { } d => d.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture),
    };

    public static string Counts(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return $"created {run.Created} · updated {run.Updated} · linked {run.Linked} · unchanged {run.Unchanged} · "
            + $"skipped {run.Skipped} · failed {run.Failed}";
    }

    public static string Action(SyncItemAction action) => action switch
    {
        SyncItemAction.CreateEntity => "Create entity",
        SyncItemAction.UpdateEntity => "Update entity",
        SyncItemAction.MarkInactive => "Mark inactive",
        SyncItemAction.LinkUser => "Link",
        SyncItemAction.RelinkUser => "Relink",
        SyncItemAction.CreateUser => "Create and link user",
        SyncItemAction.RemoveEntity => "Remove stale entity",
        SyncItemAction.Skip => "Skip",
        _ => action.ToString(),
    };
}
