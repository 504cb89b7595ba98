namespace HiBobAdmin.Port;

/// <summary>Answer of <c>POST /v1/auth/access_token</c>; <see cref="ExpiresIn"/> is in seconds.</summary>
/// <remarks>A class, not a record: a record's generated ToString would print the token into any log.</remarks>
internal sealed class PortTokenResponse
{
    public string? AccessToken { get; init; }

    public double? ExpiresIn { get; init; }

    public string? TokenType { get; init; }
}
