namespace HiBobAdmin.Sandbox;

/// <summary>
/// Decides which requests fail. Scripted faults (from tests) come first; then a draw from a generator seeded with
/// <see cref="SandboxOptions.Seed"/>, so the same request sequence fails the same way on every run. Not thread-safe:
/// the caller holds the sandbox lock.
/// </summary>
internal sealed class SandboxFaultInjector(int seed, SandboxFaultOptions options)
{
    private readonly Random _random = new(seed);
    private readonly List<(int StatusCode, string? PathContains)> _scripted = [];

    public double RateLimitShare { get; set; } = options.RateLimitShare;

    public double ServerErrorShare { get; set; } = options.ServerErrorShare;

    public int LatencyMs { get; set; } = options.LatencyMs;

    public void Enqueue(int statusCode, string? pathContains) => _scripted.Add((statusCode, pathContains));

    /// <summary>The status to answer instead of serving the request, or null to serve it.</summary>
    public int? Draw(string path)
    {
        var index = _scripted.FindIndex(fault =>
            fault.PathContains is null || path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var status = _scripted[index].StatusCode;
            _scripted.RemoveAt(index);
            return status;
        }

        if (RateLimitShare <= 0 && ServerErrorShare <= 0)
        {
            return null;
        }

#pragma warning disable CA5394 // Faults must be reproducible from the seed; this is no security decision.
        var draw = _random.NextDouble();
#pragma warning restore CA5394
        return draw < RateLimitShare ? StatusCodes.Status429TooManyRequests
            : draw < RateLimitShare + ServerErrorShare ? StatusCodes.Status503ServiceUnavailable
            : null;
    }
}
