using System.Net;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.Logging;
using Polly.Timeout;
using Refit;

namespace HiBobAdmin.Port;

/// <summary>
/// The one place that turns a Port answer into words. Port errors look like
/// <c>{"ok":false,"error":"&lt;code&gt;","message":"&lt;text&gt;"}</c>; the UI shows "Port 422: &lt;text&gt;".
/// Messages come from Port's body only, never from the request, so no credential can end up in them.
/// </summary>
internal static class PortErrors
{
    public const string Vendor = "Port";

    public const string AuthenticationFailed = "Port authentication failed";

    public const string NonJson = "Unexpected non-JSON response from Port";

    public const string Unreachable = "Port could not be reached (network error)";

    public const string NoAnswer = "Port did not answer in time";

    public const int MaxMessageLength = 200;

    // Far more than the logged snippet, so that a credential near the body's start is whole when it is masked.
    private const int SnippetBytes = 16 * 1024;

    /// <summary>
    /// Makes one call through the resilience pipeline; a network failure or timeout that outlived the retries becomes
    /// a <see cref="VendorApiException"/> with a short sentence instead of a library message.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> call,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);

        try
        {
            return await call(cancellationToken);
        }
        catch (ApiRequestException ex)
        {
            // Refit wraps whatever the handlers threw before an answer came back, our own exceptions included.
            throw Unwrap(ex, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new VendorApiException(Vendor, null, Unreachable, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new VendorApiException(Vendor, null, NoAnswer, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new VendorApiException(Vendor, null, NoAnswer, ex);
        }
    }

    /// <summary>"Port &lt;status&gt;: &lt;message&gt;" for a failed item of a bulk answer.</summary>
    public static string ItemMessage(int statusCode, string? message) =>
        $"Port {statusCode}: {Shorten(string.IsNullOrWhiteSpace(message) ? "no message" : message)}";

    private static VendorApiException Unwrap(ApiRequestException wrapper, CancellationToken cancellationToken)
    {
        switch (wrapper.InnerException)
        {
            case VendorApiException vendor:
                ExceptionDispatchInfo.Throw(vendor);
                break;
            case OperationCanceledException canceled when cancellationToken.IsCancellationRequested:
                ExceptionDispatchInfo.Throw(canceled);
                break;
            case TimeoutRejectedException or OperationCanceledException:
                return new VendorApiException(Vendor, null, NoAnswer, wrapper.InnerException);
            case HttpRequestException:
                return new VendorApiException(Vendor, null, Unreachable, wrapper.InnerException);
        }

        return new VendorApiException(Vendor, null, Unreachable, wrapper);
    }

    /// <summary>"Port &lt;status&gt;: &lt;message&gt;" for a whole response that failed.</summary>
    public static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);

        var status = (int)response.StatusCode;
        var body = response.Content is null
            ? string.Empty
            : await response.Content.ReadAsStringAsync(cancellationToken);
        return $"Port {status}: {Shorten(MessageFromBody(body) ?? DefaultReason(response))}";
    }

    /// <summary>
    /// The exception that ends a run for a failed response; a 401 always reads "Port authentication failed".
    /// </summary>
    public static async Task<VendorApiException> ToExceptionAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return new VendorApiException(Vendor, 401, AuthenticationFailed);
        }

        var message = await DescribeAsync(response, cancellationToken);
        return new VendorApiException(Vendor, (int)response.StatusCode, message);
    }

    /// <summary>Throws <see cref="ToExceptionAsync"/>'s exception unless the status is 2xx.</summary>
    public static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);

        if (!response.IsSuccessStatusCode)
        {
            throw await ToExceptionAsync(response, cancellationToken);
        }
    }

    /// <summary>
    /// The body of a successful answer as a JSON object; anything else is "Unexpected non-JSON response".
    /// </summary>
    public static async Task<JsonObject> ReadObjectAsync(
        HttpResponseMessage response,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(logger);

        // Parsed as it streams in: a search page of 1000 entities as a string would be a large-object allocation per
        // page. Only the start is kept, for the log line of a body that is not a JSON object.
        await using var body = new PrefixRecordingStream(
            response.Content is null ? Stream.Null : await response.Content.ReadAsStreamAsync(cancellationToken),
            SnippetBytes);
        try
        {
            if (await JsonNode.ParseAsync(body, cancellationToken: cancellationToken) is JsonObject json)
            {
                return json;
            }
        }
        catch (JsonException ex)
        {
            throw NonJsonAnswer(logger, (int)response.StatusCode, body.Prefix, ex);
        }

        throw NonJsonAnswer(logger, (int)response.StatusCode, body.Prefix);
    }

    /// <summary>"Unexpected non-JSON response", with the start of the body logged (shortened, credentials masked).</summary>
    internal static VendorApiException NonJsonAnswer(
        ILogger logger,
        int status,
        ReadOnlySpan<byte> bodyStart,
        JsonException? inner = null)
    {
        var start = Encoding.UTF8.GetString(bodyStart[..Math.Min(bodyStart.Length, SnippetBytes)]);
        PortLog.NonJsonBody(logger, status, Shorten(start));
        return new VendorApiException(Vendor, status, NonJson, inner);
    }

    /// <summary>Cuts a message to about <see cref="MaxMessageLength"/> characters, on one line.</summary>
    public static string Shorten(string message)
    {
        ArgumentNullException.ThrowIfNull(message);

        var oneLine = CredentialMask.Apply(message.ReplaceLineEndings(" ").Trim());
        return oneLine.Length <= MaxMessageLength
            ? oneLine
            : string.Concat(oneLine.AsSpan(0, MaxMessageLength - 1), "…");
    }

    /// <summary>
    /// Port's <c>message</c>, else its <c>error</c> code; "Unexpected non-JSON…" for a body that is not JSON.
    /// </summary>
    internal static string? MessageFromBody(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        JsonNode? json;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return NonJson;
        }

        if (json is not JsonObject error)
        {
            return NonJson;
        }

        return Text(error["message"]) ?? Text(error["error"]);
    }

    internal static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static string DefaultReason(HttpResponseMessage response) =>
        string.IsNullOrWhiteSpace(response.ReasonPhrase) ? response.StatusCode.ToString() : response.ReasonPhrase;
}
