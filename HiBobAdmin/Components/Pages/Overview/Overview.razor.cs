using HiBobAdmin.Infrastructure;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Components.Pages.Overview;

/// <summary>
/// The first screen: last run, link-status counts, everyone with their status, and the full-sync button. It reads
/// the last snapshot (loaded once and shared) and never writes or enqueues from initialisation.
/// </summary>
public sealed partial class Overview
{
    private PeopleSnapshot? _snapshot;
    private SyncRun? _lastRun;
    private string? _loadError;
    private string? _notice;
    private bool _noticeIsError;
    private bool _busy;

    [Inject]
    private PeopleSnapshotStore Snapshots { get; set; } = null!;

    [Inject]
    private RunStore Runs { get; set; } = null!;

    [Inject]
    private SyncLauncher Launcher { get; set; } = null!;

    [Inject]
    private SyncProgressHub Progress { get; set; } = null!;

    [Inject]
    private CredentialHealth Credentials { get; set; } = null!;

    [Inject]
    private IOptions<SyncOptions> SyncOptions { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        Progress.RunChanged += OnRunChanged;
        Snapshots.Changed += OnSnapshotChanged;
        _lastRun = await Runs.RecentAsync(1, CancellationToken.None) is [var last, ..] ? last : null;
        try
        {
            _snapshot = await Snapshots.GetOrLoadAsync(CancellationToken.None);
        }
        catch (VendorApiException ex)
        {
            _loadError = $"Could not read both sides: {ex.Message}";
        }
    }

    private async Task RunFullSyncAsync()
    {
        _busy = true;
        var launch = await Launcher.StartFullSyncAsync(SyncTrigger.Dashboard, "dashboard", dryRun: false, CancellationToken.None);
        _notice = launch.Message;
        _noticeIsError = !launch.Accepted;
        if (launch.RunId is { } runId)
        {
            _lastRun = await Runs.FindAsync(runId, CancellationToken.None);
        }

        _busy = false;
    }

    private async Task RefreshAsync()
    {
        _busy = true;
        try
        {
            _snapshot = await Snapshots.RefreshAsync(CancellationToken.None);
            _loadError = null;
        }
        catch (VendorApiException ex)
        {
            _loadError = $"Could not read both sides: {ex.Message}";
        }

        _busy = false;
    }

    // Raised on a job's thread: re-read the run and re-render through the renderer's own context.
    private void OnRunChanged(RunProgress progress) => _ = InvokeAsync(async () =>
    {
        _lastRun = await Runs.FindAsync(progress.RunId, CancellationToken.None) ?? _lastRun;
        if (_lastRun is not null && _lastRun.Id == progress.RunId && _lastRun.IsActive)
        {
            _lastRun.Done = progress.Done;
            _lastRun.Planned = progress.Planned;
        }

        StateHasChanged();
    });

    private void OnSnapshotChanged(PeopleSnapshot snapshot) => _ = InvokeAsync(() =>
    {
        _snapshot = snapshot;
        StateHasChanged();
    });

    public void Dispose()
    {
        Progress.RunChanged -= OnRunChanged;
        Snapshots.Changed -= OnSnapshotChanged;
    }
}
