namespace HiBobAdmin.Security.Webhooks;

/// <summary>The verdict on a webhook delivery's signature; only <see cref="Valid"/> lets it act.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>The signature (or Port's timestamp) header is absent.</summary>
    Missing,

    /// <summary>The signature does not match the body, or a header is malformed.</summary>
    Invalid,

    /// <summary>Port's timestamp is older than the allowed age, or too far in the future.</summary>
    Stale,

    /// <summary>The same signed delivery was already accepted within the replay window.</summary>
    Replayed,

    /// <summary>No secret is configured, so nothing can be verified.</summary>
    NotConfigured,
}
