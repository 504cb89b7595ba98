using Microsoft.Extensions.Options;

namespace HiBobAdmin.Port;

/// <summary>
/// Stops startup on a half-configured Port connection. Both credentials absent is allowed (the app can start and
/// show the settings page); one without the other is a typo that would only surface at the first sync.
/// </summary>
internal sealed class PortOptionsValidator : IValidateOptions<PortOptions>
{
    public ValidateOptionsResult Validate(string? name, PortOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        var failures = new List<string>();
        var hasId = !string.IsNullOrWhiteSpace(options.ClientId);
        var hasSecret = !string.IsNullOrWhiteSpace(options.ClientSecret);
        if (hasId && !hasSecret)
        {
            failures.Add("Port:ClientSecret is required when Port:ClientId is set");
        }

        if (hasSecret && !hasId)
        {
            failures.Add("Port:ClientId is required when Port:ClientSecret is set");
        }

        if (!IsHttpUrl(options))
        {
            failures.Add("Port:BaseUrl must be an absolute http or https URL, e.g. https://api.port.io");
        }

        if (options.FirstRetryDelayMs is < 1 or > 60000)
        {
            failures.Add("Port:FirstRetryDelayMs must be between 1 and 60000");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsHttpUrl(PortOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.BaseUrl)
            || !Uri.TryCreate(options.BaseUrl.Trim(), UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp;
    }
}
