using HiBobAdmin.HiBob;
using HiBobAdmin.Hosting;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Port;
using HiBobAdmin.Security;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Components.Pages.Settings;

/// <summary>
/// The configuration in use with every secret masked, connection tests, Port's data model and the schedule. Reads
/// options only; nothing calls a vendor until a button is clicked.
/// </summary>
public sealed partial class Settings
{
    internal const string SecretSet = "••••";
    internal const string NotSet = "not set";

    internal const string HiBobFix =
        "check HiBob:ServiceUserId and HiBob:ServiceUserToken (the service user needs a permission group that can "
        + "read people), and HiBob:BaseUrl (https://api.hibob.com, or https://api.sandbox.hibob.com for a HiBob "
        + "sandbox account).";

    internal const string PortFix =
        "check Port:ClientId and Port:ClientSecret (Port's Credentials page), and Port:BaseUrl "
        + "(https://api.port.io for EU, https://api.us.port.io for US organisations).";

    private const int ScheduleLookahead = 5;

    private IReadOnlyList<DateTimeOffset> _nextRuns = [];

    [Inject]
    private IOptions<HiBobOptions> HiBobOptions { get; set; } = null!;

    [Inject]
    private IOptions<PortOptions> PortOptions { get; set; } = null!;

    [Inject]
    private IOptions<SyncOptions> SyncOptions { get; set; } = null!;

    [Inject]
    private EnvironmentInfo Environment { get; set; } = null!;

    [Inject]
    private SyncSchedule Schedule { get; set; } = null!;

    [Inject]
    private IServiceScopeFactory Scopes { get; set; } = null!;

    [Inject]
    private ActionGuard Guard { get; set; } = null!;

    private HiBobOptions HiBob => HiBobOptions.Value;

    private PortOptions Port => PortOptions.Value;

    private SyncOptions Sync => SyncOptions.Value;

    protected override void OnInitialized() => _nextRuns = Schedule.NextOccurrences(ScheduleLookahead);

    internal static string Masked(string? secret) => string.IsNullOrWhiteSpace(secret) ? NotSet : SecretSet;

    internal static string Shown(string? value) => string.IsNullOrWhiteSpace(value) ? NotSet : value;

    // The directory and catalogue are scoped (typed clients); a page lives longer than a scope should, so each
    // test resolves them in a scope of its own.
    private async Task<ConnectionCheck> CheckHiBobAsync(CancellationToken cancellationToken)
    {
        await Guard.DemandAsync(Policies.Administer);
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IHiBobDirectory>().CheckConnectionAsync(cancellationToken);
    }

    private async Task<ConnectionCheck> CheckPortAsync(CancellationToken cancellationToken)
    {
        await Guard.DemandAsync(Policies.Administer);
        await using var scope = Scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IPortCatalog>().CheckConnectionAsync(cancellationToken);
    }
}
