using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Storage;

/// <summary>
/// Names this process as the holder of the runs it admits (machine, process id, start time) and tells whether the
/// holder of another run is still alive, so a process killed mid-run is told apart from one still working
/// (docs/decisions/0043-kill-mid-run.md).
/// </summary>
public sealed class RunOwner
{
    private const char Separator = '/';

    // Process start times are rebuilt from boot time and clock ticks, so two readings can differ by a fraction.
    private const long StartTimeToleranceSeconds = 2;

    private readonly TimeSpan _staleAfter;

    public RunOwner(IOptions<StorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var self = Process.GetCurrentProcess();
        Id = Of(self);
        HeartbeatInterval = TimeSpan.FromSeconds(options.Value.RunHeartbeatSeconds);
        _staleAfter = HeartbeatInterval * 4;
    }

    /// <summary>This process, as written in <see cref="SyncRun.Owner"/>.</summary>
    public string Id { get; }

    /// <summary>How often this process records that its active runs are still alive.</summary>
    public TimeSpan HeartbeatInterval { get; }

    /// <summary>
    /// Whether the process holding <paramref name="run"/> may still finish it: this process; a process on this
    /// machine that still exists with the same start time; or, on another machine, one whose last heartbeat is
    /// recent. A run from before owners were recorded counts from when it was queued.
    /// </summary>
    public bool MayStillFinish(SyncRun run, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (string.Equals(run.Owner, Id, StringComparison.Ordinal))
        {
            return true;
        }

        if (TryParse(run.Owner, out var machine, out var processId, out var startedAt)
            && string.Equals(machine, Environment.MachineName, StringComparison.OrdinalIgnoreCase)
            && IsRunning(processId, startedAt) is { } running)
        {
            return running;
        }

        var lastSign = run.HeartbeatAt ?? run.StartedAt ?? run.QueuedAt;
        return now - lastSign < _staleAfter;
    }

    /// <summary>How <paramref name="process"/> (of this machine) is named as a run's owner.</summary>
    internal static string Of(Process process) => Format(Environment.MachineName, process.Id, StartedAt(process));

    internal static string Format(string machine, int processId, long startedAt) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}{Separator}{processId}{Separator}{startedAt}");

    private static bool TryParse(string? owner, out string machine, out int processId, out long startedAt)
    {
        machine = "";
        processId = 0;
        startedAt = 0;
        var parts = owner?.Split(Separator);
        if (parts is not { Length: 3 })
        {
            return false;
        }

        machine = parts[0];
        return int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out processId)
            && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out startedAt);
    }

    /// <summary>True or false when this machine can tell; null when the process table cannot be read.</summary>
    private static bool? IsRunning(int processId, long startedAt)
    {
        try
        {
            using var process = Process.GetProcessById(processId);

            // A process id is reused after its process ends; the start time tells a newcomer from the holder.
            return Math.Abs(StartedAt(process) - startedAt) <= StartTimeToleranceSeconds;
        }
        catch (ArgumentException)
        {
            // No process has that id any more.
            return false;
        }
        catch (InvalidOperationException)
        {
            // It exited while we looked.
            return false;
        }
        catch (Win32Exception)
        {
            // Its details could not be read: it may have exited between the two looks, or belong to another user.
            return StillListed(processId) ? null : false;
        }
        catch (Exception ex) when (ex is NotSupportedException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static bool StillListed(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            return true;
        }
    }

    private static long StartedAt(Process process) =>
        new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeSeconds();
}
