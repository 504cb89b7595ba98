using HiBobAdmin.HiBob;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.HiBob;

/// <summary>
/// A fake clock that also says when a retry delay has been scheduled, so a test advances time only once the timer
/// exists (a timer created after an advance would be due relative to the later time).
/// </summary>
internal sealed class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly TaskCompletionSource _retryDelayScheduled =
        new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once a timer no longer than the longest retry delay exists (timeouts are longer).</summary>
    public Task RetryDelayScheduled => _retryDelayScheduled.Task;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (dueTime > TimeSpan.Zero && dueTime <= HiBobServiceCollectionExtensions.MaxRetryDelay)
        {
            _retryDelayScheduled.TrySetResult();
        }

        return timer;
    }
}
