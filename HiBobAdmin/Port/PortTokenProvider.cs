using System.Net;
using System.Text.Json;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Port;

/// <summary>
/// Holds the Port access token for the whole app: fetched on first use, reused until a minute before it expires,
/// fetched by one caller at a time however many requests need it at once. A short <c>expiresIn</c> never makes every
/// request fetch its own token (see <see cref="ReuseFor"/>).
/// </summary>
internal sealed class PortTokenProvider(
    IServiceProvider services,
    IOptionsMonitor<PortOptions> options,
    TimeProvider time,
    ILogger<PortTokenProvider> logger) : IDisposable
{
    internal const string RejectedMessage =
        "Port authentication failed: Port rejected the client id or secret (401)";

    internal const string NotConfiguredMessage =
        "Port is not configured: set Port:ClientId and Port:ClientSecret";

    private static readonly TimeSpan RefreshMargin = TimeSpan.FromSeconds(60);

    private readonly SemaphoreSlim _fetchGate = new(1, 1);
    private readonly Lock _cacheGate = new();
    private CachedToken? _cached;

    /// <summary>The cached token, or a fresh one when there is none or it expires within a minute.</summary>
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (TryGetCached(out var token))
        {
            return token;
        }

        await _fetchGate.WaitAsync(cancellationToken);
        try
        {
            // Whoever held the gate before us may have fetched one already.
            if (TryGetCached(out token))
            {
                return token;
            }

            string? stale;
            lock (_cacheGate)
            {
                stale = _cached?.Value;
            }

            var fresh = await FetchAsync(stale, cancellationToken);
            lock (_cacheGate)
            {
                _cached = fresh;
            }

            return fresh.Value;
        }
        finally
        {
            _fetchGate.Release();
        }
    }

    /// <summary>
    /// Forgets <paramref name="staleToken"/> after Port rejected it. A no-op when another request has already
    /// replaced it, so that a burst of 401s with the old token leads to one fetch, not one per request.
    /// </summary>
    public void Invalidate(string staleToken)
    {
        lock (_cacheGate)
        {
            if (_cached is not null && string.Equals(_cached.Value, staleToken, StringComparison.Ordinal))
            {
                _cached = null;
            }
        }
    }

    public void Dispose() => _fetchGate.Dispose();

    private bool TryGetCached(out string token)
    {
        lock (_cacheGate)
        {
            if (_cached is not null && time.GetUtcNow() < _cached.RefreshAt)
            {
                token = _cached.Value;
                return true;
            }
        }

        token = string.Empty;
        return false;
    }

    private async Task<CachedToken> FetchAsync(string? stale, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        if (!current.HasCredentials)
        {
            throw new VendorApiException(PortErrors.Vendor, null, NotConfiguredMessage);
        }

        // Resolved per fetch (every few hours) rather than captured: a typed client held by a singleton would pin
        // one HttpMessageHandler forever and miss DNS changes.
        var api = services.GetRequiredService<IPortAuthApi>();
        var request = new PortTokenRequest(current.ClientId!.Trim(), current.ClientSecret!.Trim());
        using var response = await PortErrors.SendAsync(
            token => api.CreateAccessTokenAsync(request, token),
            cancellationToken);

        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new VendorApiException(PortErrors.Vendor, 401, RejectedMessage);
        }

        if (!response.IsSuccessStatusCode)
        {
            var reason = await PortErrors.DescribeAsync(response, cancellationToken);
            throw new VendorApiException(
                PortErrors.Vendor,
                (int)response.StatusCode,
                $"{PortErrors.AuthenticationFailed}: {reason}");
        }

        var json = await PortErrors.ReadObjectAsync(response, logger, cancellationToken);
        var answer = json.Deserialize<PortTokenResponse>(PortJson.Options);
        if (string.IsNullOrWhiteSpace(answer?.AccessToken))
        {
            throw new VendorApiException(
                PortErrors.Vendor,
                (int)response.StatusCode,
                $"{PortErrors.AuthenticationFailed}: Port answered without an access token");
        }

        var lifetime = TimeSpan.FromSeconds(Math.Max(0, answer.ExpiresIn ?? 0));
        PortLog.TokenFetched(logger, lifetime.TotalSeconds);
        var reissued = string.Equals(stale, answer.AccessToken, StringComparison.Ordinal);
        return new CachedToken(answer.AccessToken, time.GetUtcNow() + ReuseFor(lifetime, reissued));
    }

    /// <summary>
    /// How long a token is reused (docs/decisions/0041). A new token: until a minute before it expires, or half its
    /// life when it lives a minute or less. The token we already held (Port hands the live token back with the time
    /// it has left): until it expires, since asking again gives the same answer; the 401 path replaces it then.
    /// Without this a token inside its last minute was stale on arrival and every request fetched it again.
    /// A token with no lifetime is reused until Port rejects it.
    /// </summary>
    internal static TimeSpan ReuseFor(TimeSpan lifetime, bool reissued) =>
        lifetime <= TimeSpan.Zero ? TimeSpan.FromDays(365)
        : reissued ? lifetime
        : lifetime > RefreshMargin ? lifetime - RefreshMargin
        : lifetime / 2;

    /// <remarks>A class, not a record: a record's generated ToString would print the token.</remarks>
    private sealed class CachedToken(string value, DateTimeOffset refreshAt)
    {
        public string Value { get; } = value;

        public DateTimeOffset RefreshAt { get; } = refreshAt;
    }
}
