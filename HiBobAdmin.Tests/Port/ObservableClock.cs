using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Port;

/// <summary>
/// A fake clock that also says when someone started waiting on it, so a test can advance time exactly when the
/// retry delay is pending instead of racing the code under test.
/// </summary>
internal sealed class ObservableClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TimeSpan, int> _created = [];
    private readonly List<(TimeSpan DueTime, int Occurrence, TaskCompletionSource Signal)> _waiters = [];

    public ObservableClock()
        : base(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _created[dueTime] = _created.GetValueOrDefault(dueTime) + 1;
            foreach (var waiter in _waiters.Where(w => w.DueTime == dueTime && w.Occurrence <= _created[dueTime]))
            {
                waiter.Signal.TrySetResult();
            }
        }

        return timer;
    }

    /// <summary>Completes once the <paramref name="occurrence"/>-th timer of <paramref name="dueTime"/> exists.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int occurrence = 1)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_created.GetValueOrDefault(dueTime) >= occurrence)
            {
                return Task.CompletedTask;
            }

            _waiters.Add((dueTime, occurrence, signal));
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
