using HiBobAdmin.Security;

namespace HiBobAdmin.Cli;

/// <summary>
/// <c>HiBobAdmin hash-password</c>: reads one password from standard input and prints its hash for
/// <c>Auth:LocalAccounts:N:PasswordHash</c>. The password is never taken as an argument, where shell history and
/// process listings would keep it.
/// </summary>
public static class HashPasswordCommand
{
    private const string Usage = """
        Usage: HiBobAdmin hash-password < password.txt
               (or run it and type the password, then Enter)
        Prints the hash to put in Auth:LocalAccounts:N:PasswordHash. The password is read from standard input only.
        """;

    public static bool Matches(string[] args) =>
        args is { Length: > 0 } && string.Equals(args[0], "hash-password", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        if (args.Length > 1)
        {
            var help = args.Skip(1).Any(a => a is "--help" or "-h" or "-?");
            await output.WriteLineAsync(help
                ? Usage
                : "hash-password takes no arguments: pass the password on standard input.\n" + Usage);
            return help ? SyncCommand.Success : SyncCommand.Failure;
        }

        var password = (await input.ReadLineAsync())?.TrimEnd('\r');
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password on standard input.");
            return SyncCommand.Failure;
        }

        if (!AccountDirectory.IsLongEnough(password))
        {
            await output.WriteLineAsync($"The password needs at least {AccountDirectory.MinimumPasswordLength} characters besides spaces.");
            return SyncCommand.Failure;
        }

        await output.WriteLineAsync(new PasswordHashing().Hash(password));
        return SyncCommand.Success;
    }
}
