using System.Security.Cryptography;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// Port access tokens. As Port documents, one token is live per credential set: asking again before it expires
/// returns the same token with the time it has left. Not thread-safe: the caller holds the sandbox lock.
/// </summary>
internal sealed class PortTokenRegistry
{
    private readonly Dictionary<string, DateTimeOffset> _expiryByToken = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _liveTokenByClient = new(StringComparer.Ordinal);

    public (string Token, int ExpiresInSeconds) Issue(string clientId, DateTimeOffset now, TimeSpan lifetime)
    {
        if (_liveTokenByClient.TryGetValue(clientId, out var live) && _expiryByToken[live] > now)
        {
            return (live, (int)Math.Ceiling((_expiryByToken[live] - now).TotalSeconds));
        }

        var token = "sbx." + RandomNumberGenerator.GetHexString(40, lowercase: true);
        _expiryByToken[token] = now + lifetime;
        _liveTokenByClient[clientId] = token;
        return (token, (int)lifetime.TotalSeconds);
    }

    public PortTokenCheck Check(string token, DateTimeOffset now) =>
        !_expiryByToken.TryGetValue(token, out var expiry) ? PortTokenCheck.Unknown
        : expiry <= now ? PortTokenCheck.Expired
        : PortTokenCheck.Valid;

    public void ExpireAll(DateTimeOffset now)
    {
        foreach (var token in _expiryByToken.Keys.ToArray())
        {
            if (_expiryByToken[token] > now)
            {
                _expiryByToken[token] = now;
            }
        }
    }
}
