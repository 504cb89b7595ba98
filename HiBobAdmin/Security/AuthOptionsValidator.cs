using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security;

/// <summary>Stops start-up on a half-configured provider or an account that could never sign in, naming the key.</summary>
public sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = new List<string>();
        var oidc = options.Oidc;
        if (oidc.IsConfigured)
        {
            Require(problems, oidc.Authority, "Auth:Oidc:Authority");
            Require(problems, oidc.ClientId, "Auth:Oidc:ClientId");
            Require(problems, oidc.ClientSecret, "Auth:Oidc:ClientSecret");
            if (oidc.Authority is { Length: > 0 } authority
                && (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps))
            {
                problems.Add("Auth:Oidc:Authority must be an absolute https:// address.");
            }

            Require(problems, oidc.RoleClaim, "Auth:Oidc:RoleClaim");
            foreach (var (value, role) in oidc.RoleMap)
            {
                if (!Roles.All.Contains(role))
                {
                    problems.Add($"Auth:Oidc:RoleMap:{value} is '{role}'; use one of {string.Join(", ", Roles.All)}.");
                }
            }
        }

        for (var i = 0; i < options.LocalAccounts.Count; i++)
        {
            var account = options.LocalAccounts[i];
            Require(problems, account.UserName, $"Auth:LocalAccounts:{i}:UserName");
            Require(problems, account.PasswordHash, $"Auth:LocalAccounts:{i}:PasswordHash");
            if (!Roles.All.Contains(account.Role))
            {
                problems.Add($"Auth:LocalAccounts:{i}:Role must be one of {string.Join(", ", Roles.All)}.");
            }
        }

        var duplicates = options.LocalAccounts.GroupBy(a => a.UserName, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1 && g.Key.Length > 0)
            .Select(g => g.Key);
        problems.AddRange(duplicates.Select(d => $"Auth:LocalAccounts names '{d}' more than once."));

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void Require(List<string> problems, string? value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add($"{key} is required.");
        }
    }
}
