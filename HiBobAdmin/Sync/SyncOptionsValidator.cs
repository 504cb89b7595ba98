using Cronos;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

/// <summary>Stops start-up on a schedule that is not a valid cron expression, naming the key.</summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        if (string.IsNullOrWhiteSpace(options.Schedule))
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            CronExpression.Parse(options.Schedule);
            return ValidateOptionsResult.Success;
        }
        catch (CronFormatException ex)
        {
            return ValidateOptionsResult.Fail($"Sync:Schedule '{options.Schedule}' is not a valid cron expression: {ex.Message}");
        }
    }
}
