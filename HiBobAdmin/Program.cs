using HiBobAdmin.Cli;
using HiBobAdmin.Hosting;

if (SyncCommand.Matches(args))
{
    return await SyncCommand.RunAsync(args);
}

var app = AppHost.Build(args, HostMode.Dashboard);
await AppHost.InitialiseAsync(app, HostMode.Dashboard, CancellationToken.None);
await app.RunAsync();
return 0;

/// <summary>The entry point; public so tests can name the app's assembly.</summary>
public partial class Program;
