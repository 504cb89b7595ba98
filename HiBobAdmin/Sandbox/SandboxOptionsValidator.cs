using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sandbox;

internal sealed class SandboxOptionsValidator : IValidateOptions<SandboxOptions>
{
    public ValidateOptionsResult Validate(string? name, SandboxOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();

        Require(failures, options.HiBobServiceUserId, nameof(options.HiBobServiceUserId));
        Require(failures, options.HiBobServiceUserToken, nameof(options.HiBobServiceUserToken));
        Require(failures, options.PortClientId, nameof(options.PortClientId));
        Require(failures, options.PortClientSecret, nameof(options.PortClientSecret));
        if (options.EmployeeCount < 0)
        {
            failures.Add("Sandbox:EmployeeCount must be 0 or more.");
        }

        if (options.TokenLifetimeSeconds <= 0)
        {
            failures.Add("Sandbox:TokenLifetimeSeconds must be more than 0.");
        }

        if (options.HiBobSearchLimitPerMinute <= 0)
        {
            failures.Add("Sandbox:HiBobSearchLimitPerMinute must be more than 0.");
        }

        var faults = options.Faults;
        if (faults is null)
        {
            failures.Add("Sandbox:Faults must not be null.");
        }
        else
        {
            if (faults.RateLimitShare is < 0 or > 1 || double.IsNaN(faults.RateLimitShare))
            {
                failures.Add("Sandbox:Faults:RateLimitShare must be between 0 and 1.");
            }

            if (faults.ServerErrorShare is < 0 or > 1 || double.IsNaN(faults.ServerErrorShare))
            {
                failures.Add("Sandbox:Faults:ServerErrorShare must be between 0 and 1.");
            }

            if (faults.RateLimitShare + faults.ServerErrorShare > 1)
            {
                failures.Add("Sandbox:Faults:RateLimitShare plus ServerErrorShare must not exceed 1.");
            }

            if (faults.LatencyMs < 0)
            {
                failures.Add("Sandbox:Faults:LatencyMs must be 0 or more.");
            }

            if (faults.LostAnswerShare is < 0 or > 1 || double.IsNaN(faults.LostAnswerShare)
                || faults.LatencySpikeShare is < 0 or > 1 || double.IsNaN(faults.LatencySpikeShare))
            {
                failures.Add("Sandbox:Faults:LostAnswerShare and LatencySpikeShare must be between 0 and 1.");
            }

            if (faults.RetryAfterSeconds < 0 || faults.LatencySpikeMs < 0 || faults.ExpireTokensAfterRequests < 0)
            {
                failures.Add(
                    "Sandbox:Faults:RetryAfterSeconds, LatencySpikeMs and ExpireTokensAfterRequests must be 0 or more.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Require(List<string> failures, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"Sandbox:{key} must not be empty.");
        }
    }
}
