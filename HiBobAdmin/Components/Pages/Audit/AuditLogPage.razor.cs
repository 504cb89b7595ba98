using HiBobAdmin.Audit;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace HiBobAdmin.Components.Pages.Audit;

/// <summary>
/// The audit log, newest first, filtered on the server; the filters live in the address so that a view can be
/// shared, and the CSV export takes the same filters.
/// </summary>
public sealed partial class AuditLogPage
{
    public const int PageSize = 50;

    private MudDataGrid<AuditEntry>? _grid;
    private AuditCriteria _criteria = new();
    private int _total;

    [SupplyParameterFromQuery(Name = AuditQuery.ActionKey)]
    public string? ActionQuery { get; set; }

    [SupplyParameterFromQuery(Name = AuditQuery.ActorKey)]
    public string? ActorQuery { get; set; }

    [SupplyParameterFromQuery(Name = AuditQuery.SearchKey)]
    public string? SearchQuery { get; set; }

    [SupplyParameterFromQuery(Name = AuditQuery.FromKey)]
    public string? FromQuery { get; set; }

    [SupplyParameterFromQuery(Name = AuditQuery.ToKey)]
    public string? ToQuery { get; set; }

    [Inject]
    private AuditLog Log { get; set; } = null!;

    [Inject]
    private NavigationManager Navigation { get; set; } = null!;

    private string ExportHref => AuditExportEndpoint.Route + AuditQuery.ToQueryString(_criteria);

    protected override async Task OnParametersSetAsync()
    {
        var criteria = AuditQuery.Parse(ActionQuery, ActorQuery, SearchQuery, FromQuery, ToQuery);
        if (criteria == _criteria)
        {
            return;
        }

        _criteria = criteria;
        await ReloadAsync();
    }

    private async Task OnCriteriaChangedAsync(AuditCriteria criteria)
    {
        _criteria = criteria;
        await ReloadAsync();
        Navigation.NavigateTo("/audit" + AuditQuery.ToQueryString(criteria), replace: true);
    }

    private Task ReloadAsync() => _grid?.ReloadServerData() ?? Task.CompletedTask;

    private async Task<GridData<AuditEntry>> LoadAsync(GridState<AuditEntry> state, CancellationToken cancellationToken)
    {
        var page = await Log.PageAsync(_criteria, state.Page, state.PageSize, cancellationToken);
        if (page.Total != _total)
        {
            // The count sits outside the grid, which re-renders only itself after a load.
            _total = page.Total;
            StateHasChanged();
        }

        return new GridData<AuditEntry> { Items = page.Items, TotalItems = page.Total };
    }
}
