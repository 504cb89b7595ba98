using Cronos;
using HiBobAdmin.Matching;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

/// <summary>Stops start-up on a schedule that is not a valid cron expression or a protected account that is not an email.</summary>
public sealed class SyncOptionsValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);

        for (var i = 0; i < options.ProtectedAccounts.Count; i++)
        {
            var account = options.ProtectedAccounts[i];
            if (EmailAddress.Clean(account) is not { } clean || EmailAddress.DescribeProblem(clean) is not null)
            {
                return ValidateOptionsResult.Fail(
                    $"Sync:ProtectedAccounts:{i} '{account}' is not an email address; list the Port users' emails.");
            }
        }

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
