using System.Globalization;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security.ApiKeys;

/// <summary>Stops startup on a key entry that could never work: no name, a hash that is not SHA-256 hex, an unknown role.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        for (var i = 0; i < options.Keys.Count; i++)
        {
            var key = options.Keys[i];
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Api:Keys:{i}");
            if (string.IsNullOrWhiteSpace(key.Name))
            {
                failures.Add($"{prefix}:Name is required.");
            }

            if (!ApiKeyHasher.IsHash(key.Hash))
            {
                failures.Add($"{prefix}:Hash must be the SHA-256 of the key as 64 hex digits (see 'HiBobAdmin new-api-key').");
            }

            if (!Roles.All.Contains(key.Role, StringComparer.Ordinal))
            {
                failures.Add($"{prefix}:Role must be one of {string.Join(", ", Roles.All)}.");
            }
        }

        var duplicates = options.Keys.GroupBy(k => k.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
        failures.AddRange(duplicates.Select(d => $"Api:Keys has the name '{d.Key}' more than once."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
