using System.Globalization;
using HiBobAdmin.Hosting;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Cli;

/// <summary>
/// <c>HiBobAdmin sync [--dry-run] [--email ADDRESS]</c>: one sync in this process, for cron and pipelines.
/// Exit codes: 0 everything planned was applied, 2 finished with failed items, 1 failed, blocked or refused. A dry run
/// or a blocked run also prints its planned changes per person.
/// </summary>
public static class SyncCommand
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int CompletedWithFailures = 2;

    private const string Usage = """
        Usage: HiBobAdmin sync [--dry-run] [--email ADDRESS] [--Section:Key=value ...]
          --dry-run        plan only, printed per person: nothing is written
          --email ADDRESS  sync one person (an email or a HiBob id)
          --Section:Key=v  any configuration key, e.g. --Sync:CreateMissingPortUsers=false
        Exit codes: 0 all applied, 2 finished with failed items, 1 failed, blocked or refused.
        """;

    public static bool Matches(string[] args) =>
        args is { Length: > 0 } && string.Equals(args[0], "sync", StringComparison.OrdinalIgnoreCase);

    public static async Task<int> RunAsync(string[] args, TextWriter? output = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        output ??= Console.Out;
        if (args.Skip(1).Any(a => a is "--help" or "-h" or "-?"))
        {
            await output.WriteLineAsync(Usage);
            return Success;
        }

        if (!TryParse(args, out var dryRun, out var email, out var hostArgs, out var error))
        {
            await output.WriteLineAsync(error);
            await output.WriteLineAsync(Usage);
            return Failure;
        }

        await using var app = AppHost.Build(hostArgs, HostMode.Cli, configure);
        await AppHost.InitialiseAsync(app, HostMode.Cli, CancellationToken.None);
        await app.StartAsync();
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            var launcher = scope.ServiceProvider.GetRequiredService<SyncLauncher>();
            var kind = email is null ? SyncKind.Full : SyncKind.SingleUser;
            var launch = await launcher.AdmitAsync(kind, email, SyncTrigger.Cli, "cli", dryRun, CancellationToken.None);
            if (!launch.Accepted)
            {
                await output.WriteLineAsync(launch.Message);
                return Failure;
            }

            // Ctrl+C or SIGTERM stops the host, which ends the run as Interrupted (recorded) rather than leaving
            // the process deaf until a kill.
            var runner = scope.ServiceProvider.GetRequiredService<SyncRunner>();
            var run = await runner.ExecuteAsync(launch.RunId!.Value, app.Lifetime.ApplicationStopping);
            await output.WriteLineAsync(Summary(run));
            if (run.DryRun || run.Status == SyncRunStatus.Blocked)
            {
                // The preview per person, as the run page shows it: what would be written, with old → new values.
                var items = await scope.ServiceProvider.GetRequiredService<RunStore>().ItemsAsync(run.Id, CancellationToken.None);
                var planned = items.Where(i => i.Outcome == SyncItemOutcome.Planned).ToList();
                await output.WriteLineAsync(planned.Count == 0 ? "Planned changes: none." : "Planned changes:");
                foreach (var item in planned)
                {
                    var name = item.Name is null ? "" : $" ({item.Name})";
                    await output.WriteLineAsync($"  {item.Action} {item.Subject}{name}: {item.Message}");
                }
            }

            return ExitCodeOf(run.Status);
        }
        finally
        {
            await app.StopAsync();
        }
    }

    public static int ExitCodeOf(SyncRunStatus status) => status switch
    {
        SyncRunStatus.Succeeded => Success,
        SyncRunStatus.CompletedWithFailures => CompletedWithFailures,
        _ => Failure,
    };

    public static string Summary(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var what = run.Kind == SyncKind.Full ? "Full sync" : $"Sync of {run.Subject}";
        var dry = run.DryRun ? " (dry run)" : "";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"""
            {what}{dry}: {run.Status}
              employees read: {run.EmployeesRead}, Port users read: {run.PortUsersRead}
              created: {run.Created}, updated: {run.Updated}, linked: {run.Linked}, unchanged: {run.Unchanged}
              skipped: {run.Skipped}, failed: {run.Failed}, writes planned: {run.Planned}
              {run.Message}
            """);
    }

    private static bool TryParse(
        string[] args,
        out bool dryRun,
        out string? email,
        out string[] hostArgs,
        out string error)
    {
        dryRun = false;
        email = null;
        error = "";
        var rest = new List<string>();
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--dry-run":
                    dryRun = true;
                    break;
                case "--email" when i + 1 < args.Length:
                    email = args[++i];
                    break;
                case "--email":
                    error = "--email needs an address.";
                    hostArgs = [];
                    return false;
                case var setting when setting.StartsWith("--", StringComparison.Ordinal) && setting.Contains(':', StringComparison.Ordinal):
                    // Host configuration, e.g. --Sync:CreateMissingPortUsers=false.
                    rest.Add(setting);
                    break;
                default:
                    // A typo such as --dryrun must not turn into a real sync that writes.
                    error = $"Unknown option '{args[i]}'.";
                    hostArgs = [];
                    return false;
            }
        }

        hostArgs = [.. rest];
        return true;
    }
}
