using System.Threading.Channels;

namespace HiBobAdmin.Sync;

/// <summary>
/// Saves each new people snapshot in the background, the newest one winning when syncs follow each other
/// quickly, so that neither a sync nor a page waits for the database. What is still unsaved at shutdown is saved
/// before the app stops.
/// </summary>
public sealed partial class SnapshotWriter(
    PeopleSnapshotStore store,
    SnapshotArchive archive,
    ILogger<SnapshotWriter> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var snapshot in store.Unsaved.ReadAllAsync(stoppingToken))
            {
                await SaveAsync(snapshot);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: StopAsync saves what is left.
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        while (store.Unsaved.TryRead(out var snapshot))
        {
            await SaveAsync(snapshot);
        }
    }

    private async Task SaveAsync(PeopleSnapshot snapshot)
    {
        try
        {
            // Not cancelled by shutdown: a half-written snapshot is worth less than a second's wait.
            await archive.SaveAsync(snapshot, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException
            or IOException)
        {
            LogSaveFailed(ex);
        }
    }

    [LoggerMessage(EventId = 402, Level = LogLevel.Warning,
        Message = "Could not save the people snapshot; after a restart both sides will be read again")]
    private partial void LogSaveFailed(Exception exception);
}
