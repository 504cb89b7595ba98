using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace HiBobAdmin.Storage;

/// <summary>
/// Makes every connection wait for a lock instead of failing at once. The sync, the progress saver, the snapshot
/// writer and a CLI run in another process all write to the one SQLite file; without a busy timeout, SQLite answers
/// a second writer with "database is locked" straight away on paths Microsoft.Data.Sqlite does not retry (an
/// <c>INSERT … RETURNING</c> whose lock fails when the statement is reset). Together with the write-ahead log
/// (set once at start, <see cref="StorageInitializer"/>), which lets readers and one writer proceed side by side,
/// writers queue for up to <see cref="BusyTimeoutMilliseconds"/>.
/// </summary>
internal sealed class SqliteWaitForLocks : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 15_000;

    private static readonly string Pragma = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection,
        ConnectionEndEventData eventData,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
