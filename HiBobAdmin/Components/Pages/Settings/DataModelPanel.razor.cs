using HiBobAdmin.Infrastructure;
using HiBobAdmin.Port;
using HiBobAdmin.Security;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;

namespace HiBobAdmin.Components.Pages.Settings;

/// <summary>
/// Port's data model: "Check" reads it (only on click: each check costs Port requests), "Set up data model" adds
/// what is missing and says what it changed.
/// </summary>
public sealed partial class DataModelPanel
{
    private DataModelStatus? _status;
    private string? _error;
    private bool _setUp;
    private bool _busy;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = null!;

    [Inject]
    private DataModelGate Gate { get; set; } = null!;

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    private Task CheckAsync() => RunAsync(setUp: false, async token =>
    {
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPortCatalog>().CheckDataModelAsync(token);
    });

    private Task SetUpAsync() => RunAsync(setUp: true, Gate.EnsureAsync);

    private async Task RunAsync(bool setUp, Func<CancellationToken, Task<DataModelStatus>> call)
    {
        await Guard.DemandAsync(Policies.Administer);
        _busy = true;
        _error = null;
        try
        {
            _status = await call(CancellationToken.None);
            _setUp = setUp;
        }
        catch (VendorApiException ex)
        {
            _status = null;
            _error = $"Port did not answer as expected: {ex.Message}";
        }
        finally
        {
            _busy = false;
        }
    }
}
