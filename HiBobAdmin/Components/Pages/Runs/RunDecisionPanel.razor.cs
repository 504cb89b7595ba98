using HiBobAdmin.Components.Common;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HiBobAdmin.Components.Pages.Runs;

/// <summary>
/// What an admin may decide about a recorded plan: "Apply anyway" on a blocked run (Administer policy, confirmed,
/// approved once) and "Apply this preview" on a finished dry run (Operate policy). Either opens the run it starts.
/// </summary>
public sealed partial class RunDecisionPanel
{
    private bool _busy;
    private string? _refusal;

    /// <summary>The run shown on the page; null while it loads.</summary>
    [Parameter]
    public SyncRun? Run { get; set; }

    [Inject]
    private RunDecisions Decisions { get; set; } = null!;

    [Inject]
    private CurrentActor Actor { get; set; } = null!;

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private async Task ApproveAsync()
    {
        await Guard.DemandAsync(Policies.Administer);
        var run = Run!;
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Apply this blocked run anyway?",
            $"{run.Message} Applying it writes its {run.Planned} planned changes to Port with the guards waived for "
                + "this run only. If HiBob or Port changed since, the new plan is checked by the guards again.",
            yesText: "Apply anyway",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        await StartAsync(actor => Decisions.ApproveAsync(run.Id, actor, CancellationToken.None));
    }

    private async Task ApplyPreviewAsync()
    {
        await Guard.DemandAsync(Policies.Operate);
        await StartAsync(actor => Decisions.ApplyPreviewAsync(Run!.Id, actor, CancellationToken.None));
    }

    private async Task StartAsync(Func<string, Task<LaunchResult>> start)
    {
        _busy = true;
        _refusal = null;
        var launch = await start(await Actor.NameAsync());
        _busy = false;
        if (launch is { Accepted: true, RunId: { } runId })
        {
            Navigation.NavigateTo(DashboardLinks.Run(runId));
            return;
        }

        _refusal = launch.Message;
    }
}
