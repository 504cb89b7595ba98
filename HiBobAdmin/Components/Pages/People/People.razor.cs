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

namespace HiBobAdmin.Components.Pages.People;

/// <summary>
/// Everyone in HiBob and Port, one page at a time. Search, filters, sorting and paging run on the server over every
/// row of the snapshot (B18); the filters live in the address so a view can be shared. Nothing is enqueued from
/// initialisation: syncs start only from a click.
/// </summary>
public sealed partial class People : IDisposable
{
    public const int PageSize = 50;

    // The grid reports the sorted column by its SortBy delegate; these instances tell the loader which one it is.
    private static readonly Func<PersonRow, object> ByName = r => r.Employee?.Name ?? "";
    private static readonly Func<PersonRow, object> ByEmail = r => r.Employee?.Email ?? "";
    private static readonly Func<PersonRow, object> ByHiBobStatus = r => PeopleQuery.HiBobStatusOf(r.Employee) ?? "";
    private static readonly Func<PersonRow, object> ByPortUser = r => r.PortUser?.Identifier ?? "";
    private static readonly Func<PersonRow, object> ByAccountStatus = r => r.PortUser?.Status ?? "";
    private static readonly Func<PersonRow, object> ByLinkStatus = r => r.Status;

    private static readonly (Func<PersonRow, object> Func, PeopleSortKey Key)[] SortKeys =
    [
        (ByName, PeopleSortKey.Name),
        (ByEmail, PeopleSortKey.Email),
        (ByHiBobStatus, PeopleSortKey.HiBobStatus),
        (ByPortUser, PeopleSortKey.PortUser),
        (ByAccountStatus, PeopleSortKey.AccountStatus),
        (ByLinkStatus, PeopleSortKey.LinkStatus),
    ];

    private MudDataGrid<PersonRow>? _grid;
    private PeopleCriteria _criteria = PeopleCriteria.Everyone;
    private int _pageIndex;
    private HashSet<PersonRow> _selected = [];
    private DateTimeOffset? _readAt;
    private string? _loadError;
    private bool _busy;
    private bool _subscribed;

    [SupplyParameterFromQuery(Name = PeopleUrl.StatusKey)]
    public string? StatusQuery { get; set; }

    [SupplyParameterFromQuery(Name = PeopleUrl.SearchKey)]
    public string? SearchQuery { get; set; }

    [SupplyParameterFromQuery(Name = PeopleUrl.HiBobKey)]
    public string? HiBobQuery { get; set; }

    [SupplyParameterFromQuery(Name = PeopleUrl.AccountKey)]
    public string? AccountQuery { get; set; }

    // Taken as text: a typed int would make a hand-edited "?page=abc" fail the whole page instead of showing page 1.
    [SupplyParameterFromQuery(Name = PeopleUrl.PageKey)]
    public string? PageQuery { get; set; }

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    [Inject]
    private CurrentActor Actor { get; set; } = null!;

    [Inject]
    private IPeopleQuery Query { get; set; } = null!;

    [Inject]
    private PeopleSnapshotStore Snapshots { get; set; } = null!;

    [Inject]
    private SyncLauncher Launcher { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = null!;

    [Inject]
    private LeaverDisabler Disabler { get; set; } = null!;

    [Inject]
    private IDialogService Dialogs { get; set; } = null!;

    [Inject]
    private EnvironmentInfo Environment { get; set; } = null!;

    protected override void OnInitialized()
    {
        Snapshots.Changed += OnSnapshotChanged;
        _subscribed = true;
    }

    // Runs on the first render and whenever the address changes: the page's own navigation finds nothing to do,
    // a shared link or the browser's back button reloads the grid once.
    protected override async Task OnParametersSetAsync()
    {
        var criteria = PeopleCriteria.FromQuery(StatusQuery, SearchQuery, HiBobQuery, AccountQuery);
        var page = int.TryParse(PageQuery, NumberStyles.None, CultureInfo.InvariantCulture, out var asked) ? asked : 1;
        var pageIndex = Math.Max(0, page - 1);
        if (criteria == _criteria && pageIndex == _pageIndex)
        {
            return;
        }

        _criteria = criteria;
        await ShowPageAsync(pageIndex);
    }

    private async Task OnCriteriaChangedAsync(PeopleCriteria criteria)
    {
        _criteria = criteria;
        await ShowPageAsync(0);
        Navigation.NavigateTo(PeopleUrl.For(criteria), replace: true);
    }

    // Exactly one load: a new page index reaches the grid as its CurrentPage parameter (whose setter loads), the same
    // index needs an explicit reload. Before the grid's first render, its own first load reads the index.
    private async Task ShowPageAsync(int pageIndex)
    {
        if (pageIndex != _pageIndex || _grid is null)
        {
            _pageIndex = pageIndex;
            return;
        }

        await _grid.ReloadServerData();
    }

    private async Task<GridData<PersonRow>> LoadAsync(GridState<PersonRow> state, CancellationToken cancellationToken)
    {
        try
        {
            var result = await Query.QueryAsync(
                _criteria, SortOf(state.SortDefinitions), state.Page, state.PageSize, cancellationToken);
            _readAt = result.ReadAt;
            _loadError = null;
            if (state.Page != _pageIndex)
            {
                _pageIndex = state.Page;
                Navigation.NavigateTo(PeopleUrl.For(_criteria, state.Page + 1), replace: true);
            }

            return new GridData<PersonRow> { Items = result.Rows, TotalItems = result.Total };
        }
        catch (VendorApiException ex)
        {
            _loadError = $"Could not read both sides: {ex.Message}";
            return new GridData<PersonRow> { Items = [], TotalItems = 0 };
        }
    }

    private static PeopleSort? SortOf(ICollection<SortDefinition<PersonRow>> definitions)
    {
        var first = definitions.OrderBy(d => d.Index).FirstOrDefault();
        if (first is null)
        {
            return null;
        }

        foreach (var (func, key) in SortKeys)
        {
            if (ReferenceEquals(first.SortFunc, func))
            {
                return new PeopleSort(key, first.Descending);
            }
        }

        return null;
    }

    private async Task SyncOneAsync(PersonRow row)
    {
        _busy = true;
        try
        {
            var launch = await StartAsync(row);
            Snackbar.Add(launch.Message, launch.Accepted ? Severity.Success : Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task SyncSelectedAsync()
    {
        await Guard.DemandAsync(Policies.Operate);
        _busy = true;
        try
        {
            var queued = 0;
            var refused = 0;
            foreach (var row in _selected.ToList())
            {
                var launch = await StartAsync(row);
                if (launch.Accepted)
                {
                    queued++;
                }
                else
                {
                    refused++;
                }
            }

            Snackbar.Add(
                $"{queued} sync(s) queued, {refused} refused.",
                refused == 0 ? Severity.Success : Severity.Warning);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<LaunchResult> StartAsync(PersonRow row)
    {
        await Guard.DemandAsync(Policies.Operate);
        return await Launcher.StartSingleUserSyncAsync(
            SubjectOf(row), SyncTrigger.Dashboard, await Actor.NameAsync(), CancellationToken.None);
    }

    /// <summary>The employee's email, else the employee id, else the Port user's identifier.</summary>
    internal static string SubjectOf(PersonRow row) =>
        EmailAddress.Clean(row.Employee?.Email) ?? row.Employee?.Id ?? row.PortUser?.Identifier ?? "";

    private async Task DisableAsync(PersonRow row)
    {
        await Guard.DemandAsync(Policies.Administer);
        if (row.PortUser is not { } user)
        {
            return;
        }

        if (!await Dialogs.ConfirmDisableAsync([user.Identifier]))
        {
            return;
        }

        _busy = true;
        try
        {
            // The snapshot's Changed event reloads the grid with the new status.
            var result = await Disabler.DisableAsync([user.Identifier], await Actor.NameAsync(), CancellationToken.None);
            Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Warning);
        }
        catch (VendorApiException ex)
        {
            Snackbar.Add($"Not disabled: {ex.Message}", Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task ExplainAsync(PersonRow row)
    {
        var snapshot = Snapshots.Current;
        if (snapshot is null)
        {
            return;
        }

        var parameters = new DialogParameters<ExplainDialog>
        {
            { d => d.Explanation, PersonExplainer.Explain(row, snapshot) },
        };
        var options = new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseButton = true };
        await Dialogs.ShowAsync<ExplainDialog>("Explain", parameters, options);
    }

    private async Task RefreshAsync()
    {
        await Guard.DemandAsync(Policies.Operate);
        _busy = true;
        try
        {
            // The snapshot's Changed event reloads the grid.
            await Snapshots.RefreshAsync(CancellationToken.None);
        }
        catch (VendorApiException ex)
        {
            _loadError = $"Could not read both sides: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }

    // Raised on a job's thread when a sync replaced the snapshot: reload the page through the renderer's context.
    private void OnSnapshotChanged(PeopleSnapshot snapshot) => _ = InvokeAsync(async () =>
    {
        if (_grid is not null)
        {
            await _grid.ReloadServerData();
        }
    });

    public void Dispose()
    {
        if (_subscribed)
        {
            Snapshots.Changed -= OnSnapshotChanged;
        }
    }
}
