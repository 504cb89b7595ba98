using System.ComponentModel.DataAnnotations;

namespace HiBobAdmin.Security.Webhooks;

/// <summary>Configuration section <c>Webhooks</c>: limits for the Port and HiBob receivers. Secrets live elsewhere
/// (<c>Port:ClientSecret</c>, <c>HiBob:WebhookSecret</c>).</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Largest body accepted; both vendors send a few hundred bytes.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Port deliveries whose <c>x-port-timestamp</c> is older than this are refused.</summary>
    public TimeSpan PortMaxAge { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How far ahead of our clock a Port timestamp may be (clock skew).</summary>
    public TimeSpan PortFutureSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>HiBob events for one employee within this window after a queued sync are covered by that sync.</summary>
    public TimeSpan HiBobCoalesceWindow { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A HiBob delivery repeated byte for byte within this window is acknowledged and ignored.</summary>
    public TimeSpan HiBobDuplicateWindow { get; set; } = TimeSpan.FromHours(1);
}
