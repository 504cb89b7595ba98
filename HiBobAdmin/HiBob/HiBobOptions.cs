namespace HiBobAdmin.HiBob;

/// <summary>Configuration section <c>HiBob</c>: where the API lives and which service user calls it.</summary>
public sealed class HiBobOptions
{
    public const string SectionName = "HiBob";

    public const string DefaultBaseUrl = "https://api.hibob.com";

    /// <summary>
    /// Production <c>https://api.hibob.com</c> or sandbox <c>https://api.sandbox.hibob.com</c>. HiBob documents the
    /// servers with a <c>/v1</c> suffix; the client adds <c>/v1</c> itself, so a trailing <c>/v1</c> is stripped.
    /// </summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The service user's ID (the Basic user name).</summary>
    public string? ServiceUserId { get; set; }

    /// <summary>The service user's token (the Basic password). A secret: keep it out of logs and messages.</summary>
    public string? ServiceUserToken { get; set; }

    /// <summary>True when both the service-user ID and token are set.</summary>
    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ServiceUserId) && !string.IsNullOrWhiteSpace(ServiceUserToken);

    /// <summary>
    /// The base address the HTTP client uses: trimmed, without trailing <c>/</c> or <c>/v1</c>; the default when
    /// blank. Throws <see cref="UriFormatException"/> for a value that is not an absolute URL.
    /// </summary>
    public static Uri NormaliseBaseUrl(string? baseUrl) => new(StripBaseUrl(baseUrl), UriKind.Absolute);

    internal static string StripBaseUrl(string? baseUrl)
    {
        var value = string.IsNullOrWhiteSpace(baseUrl) ? DefaultBaseUrl : baseUrl.Trim();
        value = value.TrimEnd('/');
        if (value.EndsWith("/v1", StringComparison.OrdinalIgnoreCase))
        {
            value = value[..^3].TrimEnd('/');
        }

        return value;
    }
}
