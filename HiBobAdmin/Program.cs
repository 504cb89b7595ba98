using HiBobAdmin.Cli;
using HiBobAdmin.Hosting;
using Microsoft.Extensions.Options;

try
{
    if (SyncCommand.Matches(args))
    {
        return await SyncCommand.RunAsync(args);
    }

    if (NewApiKeyCommand.Matches(args))
    {
        return await NewApiKeyCommand.RunAsync(args, Console.Out);
    }

    if (HashPasswordCommand.Matches(args))
    {
        // Only a bare `hash-password` reads a password; `--help` or a stray argument must not prompt for one.
        var input = args.Length == 1 ? ConsolePassword.Input() : Console.In;
        return await HashPasswordCommand.RunAsync(args, input, Console.Out);
    }

    var app = AppHost.Build(args, HostMode.Dashboard);
    await AppHost.InitialiseAsync(app, HostMode.Dashboard, CancellationToken.None);
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is StartupConfigurationException or OptionsValidationException)
{
    // A configuration mistake gets its one-line explanation, not a stack trace.
    await Console.Error.WriteLineAsync($"HiBobAdmin cannot start: {ex.Message}");
    return 1;
}

/// <summary>The entry point; public so tests can name the app's assembly.</summary>
public partial class Program;
