using HiBobAdmin.Storage;

namespace HiBobAdmin.Sync;

/// <summary>
/// Tells open pages that a run changed. Raised from job threads: subscribers must marshal to their own
/// context (components use <c>InvokeAsync</c>) and unsubscribe when disposed.
/// </summary>
public sealed class SyncProgressHub
{
    public event Action<RunProgress>? RunChanged;

    public int SubscriberCount => RunChanged?.GetInvocationList().Length ?? 0;

    public void Publish(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        RunChanged?.Invoke(RunProgress.From(run));
    }
}

/// <summary>A copy of a run's live numbers, safe to hand to another thread.</summary>
public sealed record RunProgress(
    Guid RunId,
    SyncKind Kind,
    SyncRunStatus Status,
    int Planned,
    int Done,
    int Failed,
    string? Message)
{
    public static RunProgress From(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new(run.Id, run.Kind, run.Status, run.Planned, run.Done, run.Failed, run.Message);
    }

    public double Percent => Planned == 0 ? (Status is SyncRunStatus.Running ? 0 : 100) : 100.0 * Done / Planned;
}
