using HiBobAdmin.Storage;

namespace HiBobAdmin.Sync;

/// <summary>
/// Receives the running count of finished writes of one phase (the writer reports it from its worker threads),
/// tells open pages of this process at most every <c>interval</c>, and saves the count to storage every few seconds
/// so pages of another process (a CLI run on the same database) follow too.
/// </summary>
internal sealed class RunProgressReporter(
    SyncRun run,
    SyncProgressHub hub,
    RunStore runs,
    TimeProvider time,
    TimeSpan interval) : IProgress<int>
{
    private static readonly TimeSpan SaveInterval = TimeSpan.FromSeconds(2);

    private readonly Lock _gate = new();
    private int _phaseStart;
    private long _lastPublished;
    private long _lastSaved;
    private Task _saving = Task.CompletedTask;

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

    /// <summary>Waits for a progress save still in flight, so it cannot land after the run's final save.</summary>
    public Task FlushAsync()
    {
        lock (_gate)
        {
            return _saving;
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

        if (_saving.IsCompleted && time.GetElapsedTime(_lastSaved, now) >= SaveInterval)
        {
            _lastSaved = now;
            _saving = runs.SaveProgressAsync(run.Id, run.Done, CancellationToken.None);
        }
    }
}
