using System.Globalization;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Components.Pages.Overview;

/// <summary>
/// The first screen: last and next run, the figures of the last snapshot with links to their filtered lists, the
/// matched-share history, and the sync buttons. It reads the last snapshot (loaded once and shared) and never
/// writes or enqueues from initialisation.
/// </summary>
public sealed partial class Overview
{
    /// <summary>How many finished full syncs the history chart shows.</summary>
    internal const int HistoryLength = 30;

    // Dry runs and single-user syncs are interleaved with full syncs; read enough rows to find 30 full ones.
    private const int HistoryScan = 300;

    private PeopleSnapshot? _snapshot;
    private OverviewFigures? _figures;
    private SyncRun? _lastRun;
    private IReadOnlyList<SyncRun> _history = [];
    private string? _loadError;
    private string? _notice;
    private bool _noticeIsError;
    private bool _busy;

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    [Inject]
    private CurrentActor Actor { get; set; } = null!;

    [Inject]
    private PeopleSnapshotStore Snapshots { get; set; } = null!;

    [Inject]
    private RunStore Runs { get; set; } = null!;

    [Inject]
    private SyncLauncher Launcher { get; set; } = null!;

    [Inject]
    private RunDecisions Decisions { get; set; } = null!;

    [Inject]
    private SyncProgressHub Progress { get; set; } = null!;

    [Inject]
    private CredentialHealth Credentials { get; set; } = null!;

    [Inject]
    private SyncSchedule Schedule { get; set; } = null!;

    [Inject]
    private IOptions<SyncOptions> SyncOptions { get; set; } = null!;

    private string NextRunText => Schedule.NextOccurrences(1) is [var next]
        ? $"Next scheduled run: {next.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}"
        : "Schedule off";

    protected override async Task OnInitializedAsync()
    {
        Progress.RunChanged += OnRunChanged;
        Snapshots.Changed += OnSnapshotChanged;
        await LoadRunsAsync();
        try
        {
            Show(await Snapshots.GetOrLoadAsync(CancellationToken.None));
        }
        catch (VendorApiException ex)
        {
            _loadError = $"Could not read both sides: {ex.Message}";
        }
    }

    private async Task LoadRunsAsync()
    {
        var recent = await Runs.RecentAsync(HistoryScan, CancellationToken.None);
        _lastRun = recent.Count > 0 ? recent[0] : null;
        _history = recent
            .Where(r => r.Kind == SyncKind.Full && !r.DryRun && r.FinishedAt is not null)
            .Where(r => r.Status is SyncRunStatus.Succeeded or SyncRunStatus.CompletedWithFailures)
            .Take(HistoryLength)
            .Reverse()
            .ToList();
    }

    private void Show(PeopleSnapshot snapshot)
    {
        _snapshot = snapshot;
        _figures = OverviewFigures.From(snapshot);
    }

    private Task RunFullSyncAsync() => StartAsync(actor =>
        Launcher.StartFullSyncAsync(SyncTrigger.Dashboard, actor, dryRun: false, CancellationToken.None));

    /// <summary>A dry run: the plan per person with old → new values, nothing written, then "Apply preview".</summary>
    private Task PreviewAsync() => StartAsync(actor =>
        Launcher.StartFullSyncAsync(SyncTrigger.Dashboard, actor, dryRun: true, CancellationToken.None));

    private Task ApplyPreviewAsync()
    {
        var previewId = _lastRun!.Id;
        return StartAsync(actor => Decisions.ApplyPreviewAsync(previewId, actor, CancellationToken.None));
    }

    private async Task StartAsync(Func<string, Task<LaunchResult>> start)
    {
        await Guard.DemandAsync(Policies.Operate);
        _busy = true;
        var launch = await start(await Actor.NameAsync());
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
        await Guard.DemandAsync(Policies.Operate);
        _busy = true;
        try
        {
            // A run of another process (a CLI sync) is on the cards too, not only in the counts.
            await LoadRunsAsync();
            Show(await Snapshots.RefreshAsync(CancellationToken.None));
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
        if (progress.Status is SyncRunStatus.Queued or SyncRunStatus.Running)
        {
            _lastRun = await Runs.FindAsync(progress.RunId, CancellationToken.None) ?? _lastRun;
            if (_lastRun is not null && _lastRun.Id == progress.RunId)
            {
                _lastRun.Done = progress.Done;
                _lastRun.Planned = progress.Planned;
            }
        }
        else
        {
            // A finished run adds a point to the history and may be the new last run.
            await LoadRunsAsync();
        }

        StateHasChanged();
    });

    private void OnSnapshotChanged(PeopleSnapshot snapshot) => _ = InvokeAsync(() =>
    {
        Show(snapshot);
        StateHasChanged();
    });

    public void Dispose()
    {
        Progress.RunChanged -= OnRunChanged;
        Snapshots.Changed -= OnSnapshotChanged;
    }
}
