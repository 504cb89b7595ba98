using System.ComponentModel.DataAnnotations;

namespace HiBobAdmin.Security;

/// <summary>Requests per minute each rate-limit policy admits (section <c>RateLimits</c>).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Sign-in attempts per client address and minute.</summary>
    [Range(1, 10_000)]
    public int SignInPerMinute { get; set; } = 10;

    [Range(1, 100_000)]
    public int WebhooksPerMinute { get; set; } = 120;

    [Range(1, 100_000)]
    public int ApiPerMinute { get; set; } = 120;
}
