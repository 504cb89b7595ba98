using System.Threading.Channels;
using HiBobAdmin.Matching;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

/// <summary>
/// Holds the last reconciled view of both sides. Pages read it; a sync replaces it. The first page visit loads it
/// once, shared by every caller that arrives meanwhile (prerendering and the interactive render included): from the
/// database when an earlier process saved one, else by reading both sides. Every replacement is queued for
/// <see cref="SnapshotWriter"/> to save.
/// </summary>
public sealed class PeopleSnapshotStore(
    IServiceScopeFactory scopes,
    SnapshotArchive archive,
    IOptions<SyncOptions> options,
    TimeProvider time) : IDisposable
{
    /// <summary>How often a page visit looks for a newer snapshot that another process (a CLI sync) saved.</summary>
    public static readonly TimeSpan SavedCheckInterval = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Channel<PeopleSnapshot> _unsaved = Channel.CreateBounded<PeopleSnapshot>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private volatile PeopleSnapshot? _current;
    private long _savedCheckedAt = long.MinValue;

    public PeopleSnapshot? Current => _current;

    /// <summary>Snapshots not saved yet; only the newest is kept.</summary>
    public ChannelReader<PeopleSnapshot> Unsaved => _unsaved.Reader;

    public event Action<PeopleSnapshot>? Changed;

    public void Replace(PeopleSnapshot snapshot)
    {
        Publish(snapshot);
        _unsaved.Writer.TryWrite(snapshot);
    }

    private void Publish(PeopleSnapshot snapshot)
    {
        _current = snapshot;
        Changed?.Invoke(snapshot);
    }

    /// <summary>Replaces the rows of one person (after a single-user sync), keeping everyone else's.</summary>
    public void ReplaceRows(
        Func<PersonRow, bool> belongsToPerson,
        IEnumerable<PersonRow> rows,
        DateTimeOffset readAt,
        SyncPlan plan)
    {
        ArgumentNullException.ThrowIfNull(belongsToPerson);
        var current = _current;
        if (current is null)
        {
            return;
        }

        var people = current.People.Where(p => !belongsToPerson(p)).Concat(rows).ToList();
        Replace(current with { People = people, ReadAt = readAt, Plan = plan });
    }

    /// <summary>
    /// The current snapshot, else the one an earlier process saved, else a fresh read of both sides (nothing is
    /// written to either side). A snapshot another process saved after the current one was read (a CLI sync beside the
    /// dashboard) replaces it, looked for at most every <see cref="SavedCheckInterval"/>.
    /// </summary>
    public async Task<PeopleSnapshot> GetOrLoadAsync(CancellationToken cancellationToken)
    {
        if (_current is { } current && !IsSavedCheckDue())
        {
            return current;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_current is { } loaded)
            {
                return await NewerSavedAsync(loaded, cancellationToken) ?? loaded;
            }

            if (await archive.LoadAsync(cancellationToken) is { } saved)
            {
                Publish(saved);
                return saved;
            }

            return await RefreshCoreAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private bool IsSavedCheckDue()
    {
        var now = time.GetTimestamp();
        var last = Interlocked.Read(ref _savedCheckedAt);
        return (last == long.MinValue || time.GetElapsedTime(last, now) >= SavedCheckInterval)
            && Interlocked.CompareExchange(ref _savedCheckedAt, now, last) == last;
    }

    /// <summary>The saved snapshot, published, when it was read after <paramref name="current"/>; else null.</summary>
    private async Task<PeopleSnapshot?> NewerSavedAsync(PeopleSnapshot current, CancellationToken cancellationToken)
    {
        if (await archive.SavedReadAtAsync(cancellationToken) is not { } savedReadAt || savedReadAt <= current.ReadAt)
        {
            return null;
        }

        if (await archive.LoadAsync(cancellationToken) is not { } saved || saved.ReadAt <= current.ReadAt)
        {
            return null;
        }

        Publish(saved);
        return saved;
    }

    /// <summary>Re-reads both sides without writing anything.</summary>
    public async Task<PeopleSnapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            return await RefreshCoreAsync(cancellationToken);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<PeopleSnapshot> RefreshCoreAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<SyncStateReader>();
        var state = await reader.ReadAllAsync(cancellationToken);
        var snapshot = state.ToSnapshot(Reconciler.Reconcile(state.ToInput(options.Value)));
        Replace(snapshot);
        return snapshot;
    }

    public void Dispose() => _loading.Dispose();
}
