using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Port;

/// <summary>
/// Puts the current token on every request to Port. It sits inside the retry handler, so each retried attempt
/// carries the token that is current at that moment, not the one of the first attempt (B08).
/// </summary>
internal sealed class PortTokenHandler(PortTokenProvider tokens, ILogger<PortTokenHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var token = await tokens.GetTokenAsync(cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        // Port can expire a token before our clock says so. One fresh token and one resend; a second 401 goes back
        // to the caller as it is, which maps it to "Port authentication failed" instead of looping.
        PortLog.TokenRejected(logger, request.Method.Method, request.RequestUri?.AbsolutePath);
        tokens.Invalidate(token);
        var fresh = await tokens.GetTokenAsync(cancellationToken);
        var resend = await CloneAsync(request, cancellationToken);
        resend.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        response.Dispose();
        return await base.SendAsync(resend, cancellationToken);
    }

    private static async Task<HttpRequestMessage> CloneAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        var clone = new HttpRequestMessage(request.Method, request.RequestUri)
        {
            Version = request.Version,
            VersionPolicy = request.VersionPolicy,
        };
        foreach (var header in request.Headers)
        {
            clone.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        foreach (var option in request.Options)
        {
            clone.Options.Set(new HttpRequestOptionsKey<object?>(option.Key), option.Value);
        }

        if (request.Content is not null)
        {
            var body = await request.Content.ReadAsByteArrayAsync(cancellationToken);
            clone.Content = new ByteArrayContent(body);
            foreach (var header in request.Content.Headers)
            {
                clone.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
        }

        return clone;
    }
}
