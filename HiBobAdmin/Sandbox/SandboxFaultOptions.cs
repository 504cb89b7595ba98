namespace HiBobAdmin.Sandbox;

/// <summary>
/// Failures the sandbox injects into both APIs (never into Port's token route). Which requests fail is drawn
/// from <see cref="SandboxOptions.Seed"/>, so the same sequence of requests fails the same way on every run.
/// </summary>
public sealed class SandboxFaultOptions
{
    /// <summary>Share of requests (0..1) answered 429 with <c>Retry-After: 1</c>.</summary>
    public double RateLimitShare { get; set; }

    /// <summary>Share of requests (0..1) answered 503.</summary>
    public double ServerErrorShare { get; set; }

    /// <summary>Delay added to every request, in milliseconds.</summary>
    public int LatencyMs { get; set; }
}
