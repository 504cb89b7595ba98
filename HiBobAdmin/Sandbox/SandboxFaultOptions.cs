namespace HiBobAdmin.Sandbox;

/// <summary>
/// Failures the sandbox injects into both APIs (never into Port's token route). Which requests fail is drawn
/// from <see cref="SandboxOptions.Seed"/>, so the same sequence of requests fails the same way on every run.
/// </summary>
public sealed class SandboxFaultOptions
{
    /// <summary>Share of requests (0..1) answered 429 with <c>Retry-After: </c><see cref="RetryAfterSeconds"/>.</summary>
    public double RateLimitShare { get; set; }

    /// <summary>
    /// The <c>Retry-After</c> a 429 carries, in whole seconds (default 1). 0 is allowed: HTTP permits it, and the
    /// client must not answer it with a tight loop.
    /// </summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>Share of requests (0..1) answered 503.</summary>
    public double ServerErrorShare { get; set; }

    /// <summary>
    /// Share (0..1) of Port bulk writes that are applied and then answered 502 as if the answer were lost on the way
    /// back: the client cannot tell them from a write that never happened and must retry idempotently.
    /// </summary>
    public double LostAnswerShare { get; set; }

    /// <summary>Delay added to every request, in milliseconds.</summary>
    public int LatencyMs { get; set; }

    /// <summary>Share of requests (0..1) that get <see cref="LatencySpikeMs"/> on top of <see cref="LatencyMs"/>.</summary>
    public double LatencySpikeShare { get; set; }

    /// <summary>The extra delay of a latency spike, in milliseconds.</summary>
    public int LatencySpikeMs { get; set; }

    /// <summary>
    /// After this many Port API requests (token route excluded) every Port token issued so far expires at once, as
    /// when Port revokes tokens mid-run; 0 never does. Happens once per app start.
    /// </summary>
    public int ExpireTokensAfterRequests { get; set; }
}
