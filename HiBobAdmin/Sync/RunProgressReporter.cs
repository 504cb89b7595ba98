using HiBobAdmin.Storage;

namespace HiBobAdmin.Sync;

/// <summary>
/// Counts finished writes from the writer's worker threads and tells open pages at most every
/// <c>interval</c>, so a 50,000-item run does not re-render every page 50,000 times.
/// </summary>
internal sealed class RunProgressReporter(SyncRun run, SyncProgressHub hub, TimeProvider time, TimeSpan interval)
    : IProgress<int>
{
    private readonly Lock _gate = new();
    private long _lastPublished;

    public void Report(int value)
    {
        lock (_gate)
        {
            run.Done = Math.Min(run.Planned, run.Done + value);
            var now = time.GetTimestamp();
            if (run.Done < run.Planned && time.GetElapsedTime(_lastPublished, now) < interval)
            {
                return;
            }

            _lastPublished = now;
            hub.Publish(run);
        }
    }
}
