using HiBobAdmin.Storage;

namespace HiBobAdmin.Sync;

/// <summary>
/// Receives the running count of finished writes of one phase (the writer reports it from its worker threads) and
/// tells open pages at most every <c>interval</c>, so a 50,000-item run does not re-render pages 50,000 times.
/// </summary>
internal sealed class RunProgressReporter(SyncRun run, SyncProgressHub hub, TimeProvider time, TimeSpan interval)
    : IProgress<int>
{
    private readonly Lock _gate = new();
    private int _phaseStart;
    private long _lastPublished;

    /// <summary>Starts counting a new phase (the writer's count starts again at zero for each call).</summary>
    public void BeginPhase()
    {
        lock (_gate)
        {
            _phaseStart = run.Done;
        }
    }

    /// <summary>Counts items finished without a request (a link whose entity failed).</summary>
    public void Advance(int count)
    {
        lock (_gate)
        {
            _phaseStart += count;
            Set(run.Done + count);
        }
    }

    public void Report(int value)
    {
        lock (_gate)
        {
            Set(_phaseStart + value);
        }
    }

    private void Set(int done)
    {
        run.Done = Math.Min(run.Planned, Math.Max(run.Done, done));
        var now = time.GetTimestamp();
        if (run.Done < run.Planned && time.GetElapsedTime(_lastPublished, now) < interval)
        {
            return;
        }

        _lastPublished = now;
        hub.Publish(run);
    }
}
