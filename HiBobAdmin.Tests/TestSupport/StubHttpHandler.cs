using System.Net;
using System.Text;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>
/// An HTTP peer for client tests: answers each request from a script and records what was sent,
/// including the raw body, so tests can assert on the exact wire format.
/// </summary>
public sealed class StubHttpHandler(Func<RecordedRequest, int, HttpResponseMessage> respond) : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Lock _gate = new();

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return [.. _requests];
            }
        }
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method,
            request.RequestUri!,
            request.Headers.Authorization?.ToString(),
            body,
            DateTimeOffset.UtcNow);
        int index;
        lock (_gate)
        {
            _requests.Add(recorded);
            index = _requests.Count - 1;
        }

        var response = respond(recorded, index);
        response.RequestMessage ??= request;
        return response;
    }
}

/// <summary>One request as the stub saw it.</summary>
public sealed record RecordedRequest(
    HttpMethod Method,
    Uri Uri,
    string? Authorization,
    string? Body,
    DateTimeOffset ReceivedAt)
{
    /// <summary>The path and query exactly as sent on the wire (percent-encoding preserved).</summary>
    public string RawPathAndQuery => Uri.GetComponents(UriComponents.PathAndQuery, UriFormat.UriEscaped);
}
