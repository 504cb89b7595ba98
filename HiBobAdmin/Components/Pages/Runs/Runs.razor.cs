using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HiBobAdmin.Components.Pages.Runs;

/// <summary>
/// The run history, newest first, read from storage so that reopening the page shows the truth. Active runs follow
/// the progress hub (runs of this process) and a storage poll (runs of another process, such as the CLI).
/// </summary>
public sealed partial class Runs
{
    public const int PageSize = 25;

    private MudDataGrid<SyncRun>? _grid;
    private List<SyncRun> _shown = [];

    [Inject]
    private RunStore Store { get; set; } = null!;

    private bool AnyActive => _shown.Any(r => r.IsActive);

    private async Task<GridData<SyncRun>> LoadAsync(GridState<SyncRun> state, CancellationToken cancellationToken)
    {
        var page = await Store.PageAsync(state.Page, state.PageSize, cancellationToken);
        _shown = [.. page.Items];
        return new GridData<SyncRun> { Items = _shown, TotalItems = page.Total };
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private Task OnProgressAsync(RunProgress progress)
    {
        var run = _shown.FirstOrDefault(r => r.Id == progress.RunId);

        // A new run, or one that just ended: its counts and duration are in storage.
        if (run is null || progress.Status is not (SyncRunStatus.Queued or SyncRunStatus.Running))
        {
            return ReloadAsync();
        }

        RunProgressMerge.Apply(run, progress);
        return Task.CompletedTask;
    }

    private static double Percent(SyncRun run) => run.Planned == 0 ? 0 : 100.0 * run.Done / run.Planned;
}
