using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HiBobAdmin.Hosting.Health;

/// <summary>
/// Keeps each vendor's last readiness answer for a short while, so <c>/readyz</c> (anonymous) cannot be used to
/// hammer HiBob or Port: concurrent and repeated probes within the window share one vendor call.
/// </summary>
public sealed class ReadinessCache(TimeProvider time) : IDisposable
{
    /// <summary>How long one answer is reused.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Entry> _entries = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Returns the cached answer for <paramref name="vendor"/>, or probes once and keeps the answer.</summary>
    public async Task<HealthCheckResult> GetAsync(
        string vendor,
        Func<CancellationToken, Task<HealthCheckResult>> probe,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_entries.TryGetValue(vendor, out var entry) && now - entry.At < Lifetime)
            {
                return entry.Result;
            }

            var result = await probe(cancellationToken);
            _entries[vendor] = new Entry(result, time.GetUtcNow());
            return result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private sealed record Entry(HealthCheckResult Result, DateTimeOffset At);
}
