namespace HiBobAdmin.Sandbox;

/// <summary>
/// Decides which requests fail. Scripted faults (from tests) come first; then draws from a generator seeded with
/// <see cref="SandboxOptions.Seed"/>, so the same request sequence fails the same way on every run. Not thread-safe:
/// the caller holds the sandbox lock.
/// </summary>
internal sealed class SandboxFaultInjector(int seed, SandboxFaultOptions options)
{
    private const string BulkWriteRoute = "/entities/bulk";

    private readonly Random _random = new(seed);
    private readonly List<(int StatusCode, string? PathContains)> _scripted = [];
    private int _portRequests;
    private bool _tokensExpired;

    public double RateLimitShare { get; set; } = options.RateLimitShare;

    public double ServerErrorShare { get; set; } = options.ServerErrorShare;

    public double LostAnswerShare { get; set; } = options.LostAnswerShare;

    public int LatencyMs { get; set; } = options.LatencyMs;

    public double LatencySpikeShare { get; set; } = options.LatencySpikeShare;

    public int LatencySpikeMs { get; set; } = options.LatencySpikeMs;

    public int RetryAfterSeconds { get; set; } = options.RetryAfterSeconds;

    public int ExpireTokensAfterRequests { get; set; } = options.ExpireTokensAfterRequests;

    public void Enqueue(int statusCode, string? pathContains) => _scripted.Add((statusCode, pathContains));

    /// <summary>The fault for a request to <paramref name="path"/> of <paramref name="api"/>.</summary>
    public SandboxFault Draw(SandboxApi api, string path)
    {
        var expireTokens = false;
        if (api == SandboxApi.Port && ExpireTokensAfterRequests > 0 && !_tokensExpired
            && ++_portRequests >= ExpireTokensAfterRequests)
        {
            _tokensExpired = true;
            expireTokens = true;
        }

        var index = _scripted.FindIndex(fault =>
            fault.PathContains is null || path.Contains(fault.PathContains, StringComparison.OrdinalIgnoreCase));
        if (index >= 0)
        {
            var status = _scripted[index].StatusCode;
            _scripted.RemoveAt(index);
            return new SandboxFault(status, false, 0, expireTokens);
        }

#pragma warning disable CA5394 // Faults must be reproducible from the seed; this is no security decision.
        var spike = LatencySpikeShare > 0 && _random.NextDouble() < LatencySpikeShare ? LatencySpikeMs : 0;
        var isBulkWrite = api == SandboxApi.Port && path.EndsWith(BulkWriteRoute, StringComparison.OrdinalIgnoreCase);
        if (isBulkWrite && LostAnswerShare > 0 && _random.NextDouble() < LostAnswerShare)
        {
            return new SandboxFault(StatusCodes.Status502BadGateway, true, spike, expireTokens);
        }

        if (RateLimitShare <= 0 && ServerErrorShare <= 0)
        {
            return new SandboxFault(null, false, spike, expireTokens);
        }

        var draw = _random.NextDouble();
#pragma warning restore CA5394
        int? answer = draw < RateLimitShare ? StatusCodes.Status429TooManyRequests
            : draw < RateLimitShare + ServerErrorShare ? StatusCodes.Status503ServiceUnavailable
            : null;
        return new SandboxFault(answer, false, spike, expireTokens);
    }
}
