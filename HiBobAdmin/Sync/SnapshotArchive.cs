using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using HiBobAdmin.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Sync;

/// <summary>
/// Saves the people snapshot to the database and reads it back after a restart. A snapshot that cannot be read
/// (another format, a damaged row) is reported and ignored: the app then reads both sides as on a first start.
/// </summary>
public sealed partial class SnapshotArchive(
    IDbContextFactory<HiBobAdminDbContext> contexts,
    TimeProvider time,
    ILogger<SnapshotArchive> logger)
{
    /// <summary>Raise when <see cref="PeopleSnapshot"/> changes in a way older JSON cannot be read into.</summary>
    internal const int Format = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        IgnoreReadOnlyProperties = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task SaveAsync(PeopleSnapshot snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        using var buffer = new MemoryStream();
        await using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            await JsonSerializer.SerializeAsync(gzip, snapshot, Json, cancellationToken);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Snapshots.FindAsync([StoredSnapshot.SingleRowId], cancellationToken);
        if (row is null)
        {
            row = new StoredSnapshot();
            db.Snapshots.Add(row);
        }

        row.Format = Format;
        row.ReadAt = snapshot.ReadAt;
        row.SavedAt = time.GetUtcNow();
        row.Data = buffer.ToArray();
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>When the saved snapshot's data was read, without loading it; null when none is saved.</summary>
    public async Task<DateTimeOffset?> SavedReadAtAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Snapshots.AsNoTracking()
            .Where(s => s.Id == StoredSnapshot.SingleRowId && s.Format == Format)
            .Select(s => (DateTimeOffset?)s.ReadAt)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The saved snapshot, or null when there is none or it cannot be read.</summary>
    public async Task<PeopleSnapshot?> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var row = await db.Snapshots.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == StoredSnapshot.SingleRowId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        if (row.Format != Format)
        {
            LogOtherFormat(row.Format, Format);
            return null;
        }

        try
        {
            await using var gzip = new GZipStream(new MemoryStream(row.Data), CompressionMode.Decompress);
            return await JsonSerializer.DeserializeAsync<PeopleSnapshot>(gzip, Json, cancellationToken);
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            LogUnreadable(ex);
            return null;
        }
    }

    [LoggerMessage(EventId = 400, Level = LogLevel.Information,
        Message = "The saved people snapshot has format {Saved}, this version reads {Current}; both sides will be read again")]
    private partial void LogOtherFormat(int saved, int current);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning,
        Message = "The saved people snapshot cannot be read; both sides will be read again")]
    private partial void LogUnreadable(Exception exception);
}
