using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Port;

/// <summary>
/// A fake clock that also says when someone started waiting on it, so a test can advance time exactly when the
/// retry delay is pending instead of racing the code under test.
/// </summary>
internal sealed class ObservableClock : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _created = [];
    private readonly List<Waiter> _waiters = [];

    public ObservableClock()
        : base(new DateTimeOffset(2026, 1, 5, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _created.Add(dueTime);
            foreach (var waiter in _waiters.Where(w => _created.Count(w.Match) >= w.Occurrence))
            {
                waiter.Signal.TrySetResult(dueTime);
            }
        }

        return timer;
    }

    /// <summary>Completes once the <paramref name="occurrence"/>-th timer of <paramref name="dueTime"/> exists.
    /// </summary>
    public Task<TimeSpan> WaitForTimerAsync(TimeSpan dueTime, int occurrence = 1) =>
        WaitForTimerAsync(d => d == dueTime, occurrence);

    /// <summary>Completes with the due time once the <paramref name="occurrence"/>-th matching timer exists.</summary>
    public Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool> match, int occurrence = 1)
    {
        var signal = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var matching = _created.Where(match).ToList();
            if (matching.Count >= occurrence)
            {
                return Task.FromResult(matching[occurrence - 1]);
            }

            _waiters.Add(new Waiter(match, occurrence, signal));
        }

        return signal.Task.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private sealed record Waiter(Func<TimeSpan, bool> Match, int Occurrence, TaskCompletionSource<TimeSpan> Signal);
}
