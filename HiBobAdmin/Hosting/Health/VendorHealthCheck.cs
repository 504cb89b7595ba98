using HiBobAdmin.HiBob;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Port;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HiBobAdmin.Hosting.Health;

/// <summary>
/// Readiness of one vendor: the same call as Settings' "Test connection", with the configured credentials. The
/// result names the vendor only; the vendor's own message goes to the log (already masked), never the body.
/// </summary>
public sealed partial class VendorHealthCheck(
    string vendor,
    IServiceScopeFactory scopes,
    ReadinessCache cache,
    ILogger<VendorHealthCheck> logger) : IHealthCheck
{
    /// <summary>The check's name for HiBob.</summary>
    public const string HiBob = "hibob";

    /// <summary>The check's name for Port.</summary>
    public const string Port = "port";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        cache.GetAsync(vendor, ProbeAsync, cancellationToken);

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var check = vendor == HiBob
            ? await scope.ServiceProvider.GetRequiredService<IHiBobDirectory>().CheckConnectionAsync(cancellationToken)
            : await scope.ServiceProvider.GetRequiredService<IPortCatalog>().CheckConnectionAsync(cancellationToken);
        if (check.Succeeded)
        {
            return HealthCheckResult.Healthy();
        }

        LogNotReady(logger, vendor, check.Call, check.Message);
        return HealthCheckResult.Unhealthy(Describe(check));
    }

    private string Describe(ConnectionCheck check) =>
        $"{(vendor == HiBob ? "HiBob" : "Port")} did not answer {check.Call} successfully with the configured credentials";

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Readiness: {Vendor} failed {Call}: {Reason}")]
    private static partial void LogNotReady(ILogger logger, string vendor, string call, string reason);
}
