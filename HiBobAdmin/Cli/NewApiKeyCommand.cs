using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;

namespace HiBobAdmin.Cli;

/// <summary>
/// <c>HiBobAdmin new-api-key [NAME] [ROLE]</c>: prints a new key once, for the caller to hand over, and the
/// configuration lines that hold only its hash. Nothing is stored or logged.
/// </summary>
public static class NewApiKeyCommand
{
    public static bool Matches(string[] args) =>
        args is { Length: > 0 } && string.Equals(args[0], "new-api-key", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        var name = args.Length > 1 ? args[1] : "my-integration";
        var role = args.Length > 2 ? args[2] : Roles.Viewer;
        if (args.Length > 3 || !Roles.All.Contains(role, StringComparer.Ordinal))
        {
            await output.WriteLineAsync($"Usage: HiBobAdmin new-api-key [NAME] [ROLE]   (ROLE: {string.Join(", ", Roles.All)})");
            return SyncCommand.Failure;
        }

        var key = ApiKeyHasher.NewKey();
        await output.WriteLineAsync($"API key (shown once; give it to the caller, it is not stored): {key}");
        await output.WriteLineAsync("Add to configuration (N = the next free index):");
        await output.WriteLineAsync($"  Api__Keys__N__Name={name}");
        await output.WriteLineAsync($"  Api__Keys__N__Hash={ApiKeyHasher.Hash(key)}");
        await output.WriteLineAsync($"  Api__Keys__N__Role={role}");
        return SyncCommand.Success;
    }
}
