using System.Collections.Concurrent;

namespace HiBobAdmin.Security.Webhooks;

/// <summary>
/// Remembers keys (signatures, employee ids) for a while, in memory: enough for one instance, forgotten on restart
/// (decision 0032). Only verified deliveries are added, so the rate limit bounds its size.
/// </summary>
public sealed class ReplayCache(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _until = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="key"/> for <paramref name="window"/>; false when it is already remembered.</summary>
    public bool TryRemember(string key, TimeSpan window)
    {
        var now = time.GetUtcNow();
        Prune(now);
        var until = now + window;
        while (true)
        {
            if (_until.TryAdd(key, until))
            {
                return true;
            }

            if (_until.TryGetValue(key, out var existing))
            {
                if (existing > now)
                {
                    return false;
                }

                if (_until.TryUpdate(key, until, existing))
                {
                    return true;
                }
            }
        }
    }

    /// <summary>Forgets a key whose delivery could not be handled, so the sender's retry is not refused.</summary>
    public void Forget(string key) => _until.TryRemove(key, out _);

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, until) in _until)
        {
            if (until <= now)
            {
                _until.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, until));
            }
        }
    }
}
