using Microsoft.Extensions.Options;

namespace HiBobAdmin.Port;

/// <summary>Keeps <c>Sync:MaxConcurrentRequests</c> within what Port tolerates (its own clients use 2 to 5).</summary>
internal sealed class PortWriteOptionsValidator : IValidateOptions<PortWriteOptions>
{
    public const int Maximum = 20;

    public ValidateOptionsResult Validate(string? name, PortWriteOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        return options.MaxConcurrentRequests is >= 1 and <= Maximum
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Sync:MaxConcurrentRequests must be between 1 and {Maximum}");
    }
}
