using System.Data.Common;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Storage;

/// <summary>
/// Every <see cref="RunOwner.HeartbeatInterval"/>: records that this process's runs are alive and interrupts the
/// runs of processes that died, so a page that stays open sees a killed run end without a restart.
/// </summary>
public sealed partial class RunHeartbeat(
    OrphanedRuns orphans,
    RunOwner owner,
    TimeProvider time,
    ILogger<RunHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(owner.HeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await orphans.BeatAsync(stoppingToken);
                    await orphans.InterruptAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is DbException or DbUpdateException)
                {
                    // A busy or briefly unavailable database costs one beat; the next tick tries again.
                    LogBeatFailed(ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Could not record that this process's runs are alive")]
    private partial void LogBeatFailed(Exception exception);
}
