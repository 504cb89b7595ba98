using System.Globalization;
using HiBobAdmin.Components.Common;
using HiBobAdmin.Decisions;
using HiBobAdmin.Hosting;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HiBobAdmin.Components.Pages.Review;

/// <summary>
/// The review queues of the last snapshot, one tab each (<c>/review?queue=UnmatchedEmployees</c> opens a tab), with
/// the fix of every row. Reads the snapshot only; syncs start from buttons, and "Reconcile all" asks first.
/// </summary>
public sealed partial class Review
{
    private PeopleSnapshot? _snapshot;
    private Dictionary<ReviewQueue, IReadOnlyList<PersonRow>> _rows = [];
    private Dictionary<ReviewQueue, QueueChanges> _changes = [];
    private int _activeIndex;
    private string? _loadError;
    private string? _notice;
    private bool _noticeIsError;
    private bool _busy;

    /// <summary>The queue to open, by its enum name (case-insensitive); the first queue when absent or unknown.</summary>
    [SupplyParameterFromQuery(Name = "queue")]
    public string? Queue { get; set; }

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    [Inject]
    private CurrentActor Actor { get; set; } = null!;

    [Inject]
    private PeopleSnapshotStore Snapshots { get; set; } = null!;

    [Inject]
    private SyncLauncher Launcher { get; set; } = null!;

    [Inject]
    private LeaverDisabler Disabler { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private EnvironmentInfo Environment { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        Snapshots.Changed += OnSnapshotChanged;
        try
        {
            Show(await Snapshots.GetOrLoadAsync(CancellationToken.None));
        }
        catch (VendorApiException ex)
        {
            _loadError = $"Could not read both sides: {ex.Message}";
        }
    }

    protected override void OnParametersSet()
    {
        var queue = Enum.TryParse<ReviewQueue>(Queue, ignoreCase: true, out var parsed)
            && Enum.IsDefined(parsed) ? parsed : ReviewQueues.All[0];
        _activeIndex = IndexOf(queue);
    }

    private static int IndexOf(ReviewQueue queue) => ReviewQueues.All.ToList().IndexOf(queue);

    private void Show(PeopleSnapshot snapshot)
    {
        _snapshot = snapshot;
        _rows = ReviewQueues.All.ToDictionary(q => q, q => ReviewQueues.Filter(snapshot.People, q));
        _changes = ReviewQueues.All.ToDictionary(q => q, q => ReviewQueues.PlannedChanges(_rows[q], snapshot.Plan));
    }

    // The address follows the tab, so a reload or a shared link opens the same queue.
    // Only remembered, not written to the address: MudTabs also reports index changes while its panels are
    // disposed (prerendering, leaving the page), and navigating then would throw or pull the admin back here.
    private void OnTabChanged(int index) => _activeIndex = index;

    private async Task SyncAsync(string subject)
    {
        await Guard.DemandAsync(Policies.Operate);
        _busy = true;
        try
        {
            Report(await Launcher.StartSingleUserSyncAsync(
                subject, SyncTrigger.Dashboard, await Actor.NameAsync(), CancellationToken.None));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ReconcileAllAsync(ReviewQueue queue)
    {
        await Guard.DemandAsync(Policies.Operate);
        var changes = _changes[queue];
        if (changes.Total == 0)
        {
            return;
        }

        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Reconcile {ReviewQueues.DisplayName(queue).ToLowerInvariant()}?",
            ConfirmationText(changes),
            yesText: "Run full sync",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            Report(await Launcher.StartFullSyncAsync(
                SyncTrigger.Dashboard, await Actor.NameAsync(), dryRun: false, CancellationToken.None));
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task DisableOneAsync(PersonRow row)
    {
        await Guard.DemandAsync(Policies.Administer);
        if (row.PortUser is { } user)
        {
            await DisableAsync([user.Identifier]);
        }
    }

    private async Task DisableAllAsync()
    {
        await Guard.DemandAsync(Policies.Administer);
        await DisableAsync(Disabler.Candidates());
    }

    private async Task DisableAsync(IReadOnlyList<string> identifiers)
    {
        if (identifiers.Count == 0)
        {
            return;
        }

        if (!await Dialogs.ConfirmDisableAsync(identifiers))
        {
            return;
        }

        _busy = true;
        try
        {
            var result = await Disabler.DisableAsync(identifiers, await Actor.NameAsync(), CancellationToken.None);
            _notice = result.Message;
            _noticeIsError = !result.Succeeded;
        }
        catch (VendorApiException ex)
        {
            _notice = $"Nothing more was disabled: {ex.Message}";
            _noticeIsError = true;
        }
        finally
        {
            _busy = false;
        }
    }

    internal static string ConfirmationText(QueueChanges changes)
    {
        var parts = new List<string>();
        AddPart(parts, changes.Links, "link", "links");
        AddPart(parts, changes.Relinks, "relink", "relinks");
        AddPart(
            parts,
            changes.PortUserCreations,
            "new Port user (Port sends no invitation)",
            "new Port users (Port sends no invitation)");
        AddPart(parts, changes.EntityCreations, "new hibob_user entity", "new hibob_user entities");
        var text = string.Create(
            CultureInfo.InvariantCulture,
            $"This makes {changes.Total} {(changes.Total == 1 ? "change" : "changes")} for this queue: "
            + $"{string.Join(", ", parts)}. It runs one full sync");
        return changes.OtherWrites == 0
            ? text + ", which has no other changes planned."
            : text + string.Create(
                CultureInfo.InvariantCulture,
                $", which also applies the {changes.OtherWrites} other planned "
                + $"{(changes.OtherWrites == 1 ? "change" : "changes")} for people outside this queue.");
    }

    private static void AddPart(List<string> parts, int count, string one, string many)
    {
        if (count > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? one : many)}"));
        }
    }

    private void Report(LaunchResult launch)
    {
        _notice = launch.Message;
        _noticeIsError = !launch.Accepted;
    }

    private void OnSnapshotChanged(PeopleSnapshot snapshot) => _ = InvokeAsync(() =>
    {
        Show(snapshot);
        StateHasChanged();
    });

    public void Dispose() => Snapshots.Changed -= OnSnapshotChanged;
}
