namespace HiBobAdmin.Port;

/// <summary>Body of <c>POST /v1/auth/access_token</c>.</summary>
/// <remarks>A class, not a record: a record's generated ToString would print the secret into any log.</remarks>
internal sealed class PortTokenRequest(string clientId, string clientSecret)
{
    public string ClientId { get; } = clientId;

    public string ClientSecret { get; } = clientSecret;
}
