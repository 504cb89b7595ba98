using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HiBobAdmin.Hosting.Health;

/// <summary>
/// <c>/healthz</c> says the process serves requests (no vendor call); <c>/readyz</c> says HiBob and Port accept the
/// configured credentials. Both are anonymous, so the body holds only check names, statuses and fixed sentences.
/// </summary>
public static class HealthEndpoints
{
    private const string ReadyTag = "ready";

    /// <summary>Registers the vendor checks and the cache that shields the vendors from repeated probes.</summary>
    public static IServiceCollection AddVendorHealthChecks(this IServiceCollection services)
    {
        services.AddSingleton<ReadinessCache>();
        services.AddHealthChecks()
            .Add(Vendor(VendorHealthCheck.HiBob))
            .Add(Vendor(VendorHealthCheck.Port));
        return services;
    }

    /// <summary>Maps <c>/healthz</c> and <c>/readyz</c>.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous();
        endpoints.MapHealthChecks(
                "/readyz",
                new HealthCheckOptions { Predicate = check => check.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync })
            .AllowAnonymous();
        return endpoints;
    }

    private static HealthCheckRegistration Vendor(string name) => new(
        name,
        services => ActivatorUtilities.CreateInstance<VendorHealthCheck>(services, name),
        HealthStatus.Unhealthy,
        [ReadyTag]);

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(
                entry => entry.Key,
                entry => new { status = entry.Value.Status.ToString(), description = entry.Value.Description }),
        };
        return JsonSerializer.SerializeAsync(context.Response.Body, body, cancellationToken: context.RequestAborted);
    }
}
