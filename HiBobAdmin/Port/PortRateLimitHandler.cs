using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Port;

/// <summary>
/// Sits inside the retry handler, so every attempt first waits for the shared <see cref="PortRateLimitGate"/>, and a
/// 429 pauses all Port requests together for the wait Port named (or the first backoff when it named none).
/// </summary>
internal sealed class PortRateLimitHandler(
    PortRateLimitGate gate,
    IOptionsMonitor<PortOptions> options,
    TimeProvider time,
    ILogger<PortRateLimitHandler> logger) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        await gate.WaitAsync(cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var pause = PortResilience.RequestedDelay(response, time)
                ?? TimeSpan.FromMilliseconds(options.CurrentValue.FirstRetryDelayMs);
            PortLog.RateLimitPause(logger, request.Method.Method, request.RequestUri?.AbsolutePath, pause);
            gate.Pause(pause);
        }

        return response;
    }
}
