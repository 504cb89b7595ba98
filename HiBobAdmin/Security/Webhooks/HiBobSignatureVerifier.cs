using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security.Webhooks;

/// <summary>
/// Checks a HiBob webhook v2 delivery: <c>Bob-Signature</c> is the base64 HMAC-SHA512 of the raw body keyed with the
/// webhook secret (https://apidocs.hibob.com/docs/working-with-webhooks). HiBob sends no timestamp and retries for
/// up to three days, so age is not checked; a byte-identical repeat within the duplicate window is reported as
/// replayed (decision 0033).
/// </summary>
public sealed class HiBobSignatureVerifier(
    IOptionsMonitor<HiBobWebhookOptions> hibob,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time)
{
    public const string SignatureHeader = "Bob-Signature";

    private readonly ReplayCache _seen = new(time);

    public bool IsConfigured => !string.IsNullOrEmpty(hibob.CurrentValue.WebhookSecret);

    public SignatureCheck Verify(string? signature, ReadOnlySpan<byte> body)
    {
        var secret = hibob.CurrentValue.WebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return SignatureCheck.NotConfigured;
        }

        if (string.IsNullOrWhiteSpace(signature))
        {
            return SignatureCheck.Missing;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, body));
        var presented = Encoding.ASCII.GetBytes(signature.Trim());
        if (!CryptographicOperations.FixedTimeEquals(expected, presented))
        {
            return SignatureCheck.Invalid;
        }

        return _seen.TryRemember(signature.Trim(), options.CurrentValue.HiBobDuplicateWindow)
            ? SignatureCheck.Valid
            : SignatureCheck.Replayed;
    }

    /// <summary>Lets HiBob's retry through after a delivery we could not act on.</summary>
    public void Forget(string signature) => _seen.Forget(signature.Trim());

    public static string Sign(string secret, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.ToBase64String(HMACSHA512.HashData(Encoding.UTF8.GetBytes(secret), body));
    }
}
