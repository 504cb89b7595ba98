namespace HiBobAdmin.Port;

/// <summary>Configuration section <c>Port</c>: where Port lives and the credentials used to get a token.</summary>
public sealed class PortOptions
{
    public const string SectionName = "Port";

    public const string DefaultBaseUrl = "https://api.port.io";

    /// <summary>
    /// The API host, e.g. <c>https://api.port.io</c> (EU) or <c>https://api.us.port.io</c> (US). A trailing <c>/</c>
    /// or <c>/v1</c> is tolerated: every route already starts with <c>/v1</c>.
    /// </summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>
    /// <c>Port:FirstRetryDelayMs</c>: the first wait of the exponential backoff when Port names no usable wait
    /// (500 ms by default, 1 to 60000). Tests and drills shorten it to keep runs fast; production keeps the default.
    /// </summary>
    public int FirstRetryDelayMs { get; set; } = DefaultFirstRetryDelayMs;

    public const int DefaultFirstRetryDelayMs = 500;

    /// <summary>True when both credentials are present.</summary>
    public bool HasCredentials => !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);

    /// <summary><see cref="BaseUrl"/> without trailing slashes or <c>/v1</c>, as an absolute URI.</summary>
    public Uri GetBaseAddress()
    {
        var value = (BaseUrl ?? string.Empty).Trim().TrimEnd('/');
        if (value.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^3].TrimEnd('/');
        }

        return new Uri(value, UriKind.Absolute);
    }
}
