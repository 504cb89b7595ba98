using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using HiBobAdmin.Infrastructure;
using Polly.Timeout;

namespace HiBobAdmin.HiBob;

/// <summary>The one place where a HiBob status, body or transport failure becomes a UI sentence.</summary>
internal static partial class HiBobErrors
{
    public const string Vendor = "HiBob";

    public const int MaxDetailLength = 200;

    /// <summary>The failure for a non-success answer, after the retry pipeline has given up.</summary>
    public static VendorApiException FromStatus(HttpStatusCode statusCode, string? body)
    {
        var status = (int)statusCode;
        var message = status switch
        {
            401 => HiBobMessages.Unauthorized,
            403 => HiBobMessages.Forbidden,
            429 => HiBobMessages.RateLimited,
            400 => HiBobMessages.BadRequest(ErrorText(body)),
            _ => HiBobMessages.Status(status, ErrorText(body)),
        };
        return new VendorApiException(Vendor, status, message);
    }

    /// <summary>A short reason for a call that got no usable answer; the library's own text is not shown.</summary>
    public static VendorApiException FromTransport(Exception exception) =>
        exception switch
        {
            HttpRequestException http => new VendorApiException(
                Vendor,
                null,
                $"Could not reach HiBob: {Describe(http.HttpRequestError)}",
                exception),
            TimeoutRejectedException or OperationCanceledException =>
                new VendorApiException(Vendor, null, HiBobMessages.TimedOut, exception),
            _ => new VendorApiException(Vendor, null, "Could not reach HiBob: the request failed", exception),
        };

    public static VendorApiException NonJson(int statusCode, Exception? innerException = null) =>
        new(Vendor, statusCode, HiBobMessages.NonJson, innerException);

    /// <summary>
    /// The vendor's explanation from a <c>{"key": …, "error": …}</c> body (or <c>message</c>), else the body text
    /// when it is not an HTML page; whitespace collapsed, at most <see cref="MaxDetailLength"/> characters.
    /// </summary>
    public static string? ErrorText(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        var trimmed = body.TrimStart();
        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in (ReadOnlySpan<string>)["error", "message", "key"])
                    {
                        if (document.RootElement.TryGetProperty(name, out var value)
                            && value.ValueKind == JsonValueKind.String
                            && !string.IsNullOrWhiteSpace(value.GetString()))
                        {
                            return Shorten(value.GetString()!);
                        }
                    }
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the plain-text handling.
            }
        }

        return trimmed.StartsWith('<') ? null : Shorten(body);
    }

    /// <summary>Whitespace collapsed, credentials masked, cut at <paramref name="maxLength"/> characters.</summary>
    public static string Shorten(string text, int maxLength = MaxDetailLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        var collapsed = Whitespace().Replace(text, " ").Trim();
        collapsed = CredentialMask.Apply(collapsed);
        return collapsed.Length <= maxLength ? collapsed : collapsed[..(maxLength - 1)].TrimEnd() + "…";
    }

    private static string Describe(HttpRequestError error) =>
        error switch
        {
            HttpRequestError.NameResolutionError => "the host name could not be resolved",
            HttpRequestError.ConnectionError => "the connection failed",
            HttpRequestError.SecureConnectionError => "the TLS handshake failed",
            HttpRequestError.ProxyTunnelError => "the proxy refused the connection",
            HttpRequestError.ResponseEnded or HttpRequestError.InvalidResponse or HttpRequestError.HttpProtocolError =>
                "the answer was cut off or malformed",
            _ => "the request failed",
        };

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
