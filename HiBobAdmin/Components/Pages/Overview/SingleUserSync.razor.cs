using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;

namespace HiBobAdmin.Components.Pages.Overview;

/// <summary>"Sync one person": queues a single-user sync for the email or HiBob id typed, and says what happened.</summary>
public sealed partial class SingleUserSync
{
    private string? _subject;
    private LaunchResult? _result;
    private bool _busy;

    [Inject]
    private SyncLauncher Launcher { get; set; } = null!;

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    [Inject]
    private CurrentActor Actor { get; set; } = null!;

    private async Task SyncAsync()
    {
        await Guard.DemandAsync(Policies.Operate);
        _busy = true;
        try
        {
            _result = await Launcher.StartSingleUserSyncAsync(
                _subject ?? "", SyncTrigger.Dashboard, await Actor.NameAsync(), CancellationToken.None);
        }
        finally
        {
            _busy = false;
        }
    }
}
