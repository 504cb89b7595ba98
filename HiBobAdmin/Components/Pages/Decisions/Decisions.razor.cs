using System.Globalization;
using HiBobAdmin.Decisions;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HiBobAdmin.Components.Pages.Decisions;

/// <summary>
/// Manual links, expected Port users, email changes and stale entities: make, list and undo the decisions a sync
/// keeps. <c>?employee=</c> and <c>?portUser=</c> preselect the people a row action came from.
/// </summary>
public sealed partial class Decisions
{
    private const int DefaultExpiryDays = 90;

    private IReadOnlyList<StoredManualLink> _links = [];
    private IReadOnlyList<StoredIgnoreEntry> _ignores = [];
    private PeopleSnapshot? _snapshot;
    private Employee? _linkEmployee;
    private string? _linkPortUser;
    private string? _ignorePortUser;
    private string? _ignoreReason;
    private DateTime? _ignoreUntil;
    private int _tab;
    private string? _notice;
    private bool _noticeIsError;
    private bool _busy;
    private bool _canOperate;
    private bool _canAdminister;

    /// <summary>The HiBob id of the employee to link, from a row action.</summary>
    [SupplyParameterFromQuery(Name = "employee")]
    public string? EmployeeId { get; set; }

    /// <summary>The Port user to link or mark expected, from a row action.</summary>
    [SupplyParameterFromQuery(Name = "portUser")]
    public string? PortUser { get; set; }

    /// <summary>The tab to open: <c>expected</c>, <c>emailchanged</c> or <c>stale</c>; manual links otherwise.</summary>
    [SupplyParameterFromQuery(Name = "tab")]
    public string? Tab { get; set; }

    [Inject]
    private ManualDecisionStore Store { get; set; } = null!;

    [Inject]
    private StaleEntityRemover Remover { get; set; } = null!;

    [Inject]
    private PeopleSnapshotStore Snapshots { get; set; } = null!;

    [Inject]
    private CurrentActor Actor { get; set; } = null!;

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private TimeProvider Time { get; set; } = null!;

    private IReadOnlyList<PersonRow> EmailChanged =>
        _snapshot?.People.Where(p => p.Status == LinkStatus.EmailChanged).ToList() ?? [];

    private IReadOnlyList<StaleEntity> Stale => _snapshot?.Plan.StaleEntities ?? [];

    protected override async Task OnInitializedAsync()
    {
        Snapshots.Changed += OnSnapshotChanged;
        _canOperate = await Guard.CanAsync(Policies.Operate);
        _canAdminister = await Guard.CanAsync(Policies.Administer);
        _ignoreUntil = Time.GetUtcNow().UtcDateTime.Date.AddDays(DefaultExpiryDays);
        try
        {
            _snapshot = await Snapshots.GetOrLoadAsync(CancellationToken.None);
        }
        catch (VendorApiException ex)
        {
            Say($"Could not read both sides: {ex.Message}", error: true);
        }

        _linkEmployee = _snapshot?.People.Select(p => p.Employee)
            .FirstOrDefault(e => e is not null && string.Equals(e.Id, EmployeeId, StringComparison.Ordinal));
        _linkPortUser = PortUser;
        _ignorePortUser = PortUser;
        _tab = Tab?.ToUpperInvariant() switch
        {
            "EXPECTED" => 1,
            "EMAILCHANGED" => 2,
            "STALE" => 3,
            _ => 0,
        };
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _links = await Store.ListLinksAsync(CancellationToken.None);
        _ignores = await Store.ListIgnoresAsync(CancellationToken.None);
    }

    private Task<IEnumerable<Employee>> SearchEmployees(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(Matches(
            _snapshot?.People.Select(p => p.Employee).OfType<Employee>() ?? [],
            text,
            e => $"{e.Name} {e.Email} {e.Id}"));

    private Task<IEnumerable<string>> SearchPortUsers(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(Matches(
            _snapshot?.People.Select(p => p.PortUser?.Identifier).OfType<string>().Distinct(StringComparer.Ordinal) ?? [],
            text,
            id => id));

    private Task<IEnumerable<string>> SearchPortOnlyUsers(string? text, CancellationToken cancellationToken) =>
        Task.FromResult(Matches(
            _snapshot?.People.Where(p => p.Employee is null).Select(p => p.PortUser?.Identifier).OfType<string>() ?? [],
            text,
            id => id));

    private static IEnumerable<T> Matches<T>(IEnumerable<T> items, string? text, Func<T, string> haystack) =>
        string.IsNullOrWhiteSpace(text)
            ? items.Take(20)
            : items.Where(i => haystack(i).Contains(text.Trim(), StringComparison.OrdinalIgnoreCase)).Take(20);

    private async Task LinkAsync()
    {
        if (_linkEmployee is null)
        {
            Say("Choose the employee to link.", error: true);
            return;
        }

        await DecideAsync(async actor => await Store.LinkAsync(_linkEmployee, _linkPortUser ?? "", actor, CancellationToken.None));
    }

    private Task KeepLinkAsync(PersonRow row) =>
        DecideAsync(actor => Store.LinkAsync(row.Employee!, row.PortUser!.Identifier, actor, CancellationToken.None));

    private Task UndoLinkAsync(int id) =>
        DecideAsync(actor => Store.RemoveLinkAsync(id, actor, CancellationToken.None));

    private async Task IgnoreAsync()
    {
        if (string.IsNullOrWhiteSpace(_ignorePortUser) || _ignoreUntil is not { } until)
        {
            Say("Choose the Port user and the date it is expected until.", error: true);
            return;
        }

        var expiresAt = new DateTimeOffset(DateTime.SpecifyKind(until.Date, DateTimeKind.Utc));
        await DecideAsync(actor => Store.IgnoreAsync(
            _ignorePortUser.Trim(), _ignoreReason, expiresAt, actor, CancellationToken.None));
    }

    private Task UndoIgnoreAsync(int id) =>
        DecideAsync(actor => Store.RemoveIgnoreAsync(id, actor, CancellationToken.None));

    private async Task RemoveStaleAsync(StaleEntity entity)
    {
        await Guard.DemandAsync(Policies.Administer);
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Remove stale entity?",
            $"This deletes the hibob_user entity {entity.Identifier} in Port. No Port user is deleted.",
            yesText: "Remove",
            cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        _busy = true;
        try
        {
            var actor = await Actor.NameAsync();
            var result = await Remover.RemoveAsync(entity.Identifier, actor, CancellationToken.None);
            Say(result.Message, !result.Succeeded);
        }
        catch (VendorApiException ex)
        {
            Say($"Port did not remove the entity {entity.Identifier}: {ex.Message}", error: true);
        }
        finally
        {
            _busy = false;
        }
    }

    /// <summary>Saves a decision, then re-reads both sides so every page shows what the next sync will do.</summary>
    private async Task DecideAsync(Func<string, Task<DecisionResult>> decide)
    {
        await Guard.DemandAsync(Policies.Operate);
        _busy = true;
        try
        {
            var result = await decide(await Actor.NameAsync());
            Say(result.Message, !result.Succeeded);
            if (!result.Succeeded)
            {
                return;
            }

            await LoadAsync();
            try
            {
                _snapshot = await Snapshots.RefreshAsync(CancellationToken.None);
            }
            catch (VendorApiException ex)
            {
                Say($"{result.Message} The view was not refreshed: {ex.Message}", error: true);
            }
        }
        finally
        {
            _busy = false;
        }
    }

    private string IgnoreState(StoredIgnoreEntry entry) => entry.ExpiresAt > Time.GetUtcNow()
        ? $"Expected until {Day(entry.ExpiresAt)}"
        : $"Expired on {Day(entry.ExpiresAt)}: back in the review queue";

    private static string Day(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Say(string message, bool error)
    {
        _notice = message;
        _noticeIsError = error;
    }

    private void OnSnapshotChanged(PeopleSnapshot snapshot) => _ = InvokeAsync(() =>
    {
        _snapshot = snapshot;
        StateHasChanged();
    });

    public void Dispose() => Snapshots.Changed -= OnSnapshotChanged;
}
