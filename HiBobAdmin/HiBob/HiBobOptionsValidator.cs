using Microsoft.Extensions.Options;

namespace HiBobAdmin.HiBob;

/// <summary>
/// Fails startup on a half-configured service user or an unusable base URL. No credentials at all is allowed: the app
/// starts, and a HiBob call then says that HiBob is not configured.
/// </summary>
internal sealed class HiBobOptionsValidator : IValidateOptions<HiBobOptions>
{
    public ValidateOptionsResult Validate(string? name, HiBobOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.ServiceUserId);
        var hasToken = !string.IsNullOrWhiteSpace(options.ServiceUserToken);
        const string Id = HiBobOptions.SectionName + ":" + nameof(HiBobOptions.ServiceUserId);
        const string Token = HiBobOptions.SectionName + ":" + nameof(HiBobOptions.ServiceUserToken);
        const string BaseUrl = HiBobOptions.SectionName + ":" + nameof(HiBobOptions.BaseUrl);

        if (hasId && !hasToken)
        {
            failures.Add($"{Token} is required when {Id} is set");
        }

        if (hasToken && !hasId)
        {
            failures.Add($"{Id} is required when {Token} is set");
        }

        // RFC 7617: the Basic user-id cannot contain a colon.
        if (hasId && options.ServiceUserId!.Contains(':', StringComparison.Ordinal))
        {
            failures.Add($"{Id} must not contain ':'");
        }

        var stripped = HiBobOptions.StripBaseUrl(options.BaseUrl);
        if (!Uri.TryCreate(stripped, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            failures.Add($"{BaseUrl} must be an absolute http or https URL");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
