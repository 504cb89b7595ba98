using Hangfire;
using HiBobAdmin.Storage;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

/// <summary>
/// The Hangfire entry points. Hangfire's ASP.NET Core activator gives every execution its own DI scope, so parallel
/// jobs never share a runner, a context or a client. A failed run is recorded, not retried: retrying a rejected
/// credential would get the caller blocked by HiBob.
/// </summary>
public sealed partial class SyncJobs(
    SyncRunner runner,
    SyncLauncher launcher,
    CredentialHealth credentials,
    IOptions<SyncOptions> options,
    ILogger<SyncJobs> logger)
{
    public const string RecurringJobId = "full-sync";

    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid runId, CancellationToken cancellationToken) =>
        await runner.ExecuteAsync(runId, cancellationToken);

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 0)]
    public async Task RunScheduledAsync(CancellationToken cancellationToken)
    {
        if (credentials.IsPaused(options.Value.PauseAfterAuthFailures))
        {
            LogPaused(credentials.ConsecutiveFailures);
            return;
        }

        var launch = await launcher.AdmitAsync(
            SyncKind.Full, subject: null, SyncTrigger.Schedule, "schedule", dryRun: false, cancellationToken);
        if (!launch.Accepted)
        {
            LogSkipped(launch.Message);
            return;
        }

        await runner.ExecuteAsync(launch.RunId!.Value, cancellationToken);
    }

    [LoggerMessage(EventId = 300, Level = LogLevel.Warning,
        Message = "Scheduled sync paused after {Failures} credential rejections in a row; fix the credentials and run a sync")]
    private partial void LogPaused(int failures);

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Scheduled sync skipped: {Reason}")]
    private partial void LogSkipped(string reason);
}
