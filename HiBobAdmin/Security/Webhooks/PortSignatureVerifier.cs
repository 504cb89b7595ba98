using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HiBobAdmin.Port;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security.Webhooks;

/// <summary>
/// Checks a Port automation delivery: <c>x-port-signature</c> is <c>v1,</c> and the base64 HMAC-SHA256 of
/// <c>{x-port-timestamp}.{raw body}</c> keyed with the Port client secret
/// (https://docs.port.io/actions-and-automations/setup-backend/webhook/signature-verification). The timestamp must be
/// recent and each signature is accepted once, so a captured delivery cannot be replayed.
/// </summary>
public sealed class PortSignatureVerifier(
    IOptionsMonitor<PortOptions> port,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time)
{
    public const string SignatureHeader = "x-port-signature";

    public const string TimestampHeader = "x-port-timestamp";

    private const string VersionPrefix = "v1,";

    private readonly ReplayCache _seen = new(time);

    public SignatureCheck Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        var secret = port.CurrentValue.ClientSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.NotConfigured;
        }

        if (string.IsNullOrWhiteSpace(timestamp) || string.IsNullOrWhiteSpace(signature))
        {
            return SignatureCheck.Missing;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || !signature.StartsWith(VersionPrefix, StringComparison.Ordinal))
        {
            return SignatureCheck.Invalid;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        var presented = Encoding.ASCII.GetBytes(ReplayKey(signature));
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return SignatureCheck.Invalid;
        }

        // Checked after the signature, so an unsigned request learns nothing about our clock.
        var settings = options.CurrentValue;
        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, 0, 253402300799));
        if (age > settings.PortMaxAge || age < -settings.PortFutureSkew)
        {
            return SignatureCheck.Stale;
        }

        return _seen.TryRemember(ReplayKey(signature), settings.PortMaxAge + settings.PortFutureSkew)
            ? SignatureCheck.Valid
            : SignatureCheck.Replayed;
    }

    /// <summary>Lets the sender retry a delivery we accepted but could not act on.</summary>
    public void Forget(string signature) => _seen.Forget(ReplayKey(signature));

    // The HMAC alone, as compared: spelling the header differently (a space after the comma) is the same delivery.
    private static string ReplayKey(string signature) =>
        signature.StartsWith(VersionPrefix, StringComparison.Ordinal)
            ? signature[VersionPrefix.Length..].Trim()
            : signature.Trim();

    /// <summary>The base64 HMAC Port puts after <c>v1,</c>.</summary>
    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.UTF8.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }
}
