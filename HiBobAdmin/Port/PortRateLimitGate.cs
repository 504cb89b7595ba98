namespace HiBobAdmin.Port;

/// <summary>
/// One pause shared by every Port request of the app. When Port answers 429, the limit is per organisation, so every
/// batch in flight is over it, not only the one that heard it: each request waits here until the pause Port asked
/// for has passed, instead of each batch discovering the limit with a 429 of its own.
/// </summary>
internal sealed class PortRateLimitGate(TimeProvider time)
{
    private readonly Lock _gate = new();
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Holds every request for <paramref name="delay"/> from now, unless a longer pause is already set.</summary>
    public void Pause(TimeSpan delay)
    {
        var until = time.GetUtcNow() + delay;
        lock (_gate)
        {
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }
    }

    /// <summary>Returns when no pause is in force; a pause set while waiting is waited for too.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            DateTimeOffset until;
            lock (_gate)
            {
                until = _pausedUntil;
            }

            var left = until - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            await Task.Delay(left, time, cancellationToken);
        }
    }
}
