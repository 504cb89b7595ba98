using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HiBobAdmin.Components.Pages.Runs;

/// <summary>
/// One run: its summary with live progress while active, then what it did per item, filtered on the server.
/// Everything is read from storage, so reopening the page (or following a CLI run) shows the recorded state.
/// </summary>
public sealed partial class RunDetail
{
    public const int PageSize = 50;

    private MudDataGrid<SyncRunItem>? _grid;
    private SyncRun? _run;
    private bool _notFound;
    private RunItemCriteria _criteria = new();

    [Parameter]
    public Guid Id { get; set; }

    [Inject]
    private RunStore Store { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        _run = await Store.FindAsync(Id, CancellationToken.None);
        _notFound = _run is null;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private async Task<GridData<SyncRunItem>> LoadItemsAsync(
        GridState<SyncRunItem> state,
        CancellationToken cancellationToken)
    {
        var page = await Store.ItemPageAsync(Id, _criteria, state.Page, state.PageSize, cancellationToken);
        return new GridData<SyncRunItem> { Items = page.Items, TotalItems = page.Total };
    }

    private async Task OnCriteriaChangedAsync(RunItemCriteria criteria)
    {
        _criteria = criteria;
        if (_grid is null)
        {
            return;
        }

        // Back to the first page with one load: NavigateTo loads when the page changes, a reload otherwise.
        if (_grid.CurrentPage == 0)
        {
            await _grid.ReloadServerData();
        }
        else
        {
            _grid.NavigateTo(Page.First);
        }
    }

    private async Task OnProgressAsync(RunProgress progress)
    {
        if (_run is null || progress.RunId != Id)
        {
            return;
        }

        if (progress.Status is SyncRunStatus.Queued or SyncRunStatus.Running)
        {
            RunProgressMerge.Apply(_run, progress);
            return;
        }

        await PollAsync();
    }

    private async Task PollAsync()
    {
        var stored = await Store.FindAsync(Id, CancellationToken.None);
        if (stored is null)
        {
            return;
        }

        if (_run is not null && stored.IsActive)
        {
            stored.Done = Math.Max(stored.Done, _run.Done);
        }

        _run = stored;
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    }

    private static Color OutcomeColor(SyncItemOutcome outcome) => outcome switch
    {
        SyncItemOutcome.Applied => Color.Success,
        SyncItemOutcome.Failed => Color.Error,
        SyncItemOutcome.Skipped => Color.Warning,
        _ => Color.Default,
    };
}
