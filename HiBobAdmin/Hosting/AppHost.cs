using HiBobAdmin.Api;
using HiBobAdmin.Components;
using HiBobAdmin.Components.Pages.Audit;
using HiBobAdmin.Components.Pages.People;
using HiBobAdmin.Decisions;
using HiBobAdmin.HiBob;
using HiBobAdmin.Hosting.Health;
using HiBobAdmin.Port;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;

namespace HiBobAdmin.Hosting;

/// <summary>Composes the app from its areas; Program.cs and the tests build it the same way.</summary>
public static class AppHost
{
    /// <param name="args">Command-line arguments (host configuration).</param>
    /// <param name="mode">Dashboard with job server, or a one-off CLI run.</param>
    /// <param name="configure">Runs first: add configuration sources here.</param>
    /// <param name="overrideServices">Runs last before the app is built: replace services here (tests).</param>
    public static WebApplication Build(
        string[] args,
        HostMode mode,
        Action<WebApplicationBuilder>? configure = null,
        Action<IServiceCollection>? overrideServices = null)
    {
        // The application name is fixed so tests (whose entry assembly is the test host) find the app's assets.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(AppHost).Assembly.GetName().Name,
        });
        configure?.Invoke(builder);
        if (mode == HostMode.Cli)
        {
            // The CLI's output is its summary; only problems should interleave with it.
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:HiBobAdmin"] = "Warning",
            });
        }

        var environment = SandboxHosting.Configure(builder, mode);

        builder.Services.AddSingleton(environment);
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddStorage(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddHiBob();
        builder.Services.AddPort();
        builder.Services.AddSync(runJobServer: mode == HostMode.Dashboard);
        builder.Services.AddDecisions();

        if (mode == HostMode.Dashboard)
        {
            builder.Services.AddRazorComponents().AddInteractiveServerComponents();
            builder.Services.AddMudServices();
            builder.Services.AddDashboardSecurity(builder);
            builder.Services.AddApi();
            builder.Services.AddVendorHealthChecks();
            builder.AddSecurityHeaders();
        }

        overrideServices?.Invoke(builder.Services);
        var app = builder.Build();

        SandboxHosting.MapSandboxIfEnabled(app);

        if (mode == HostMode.Dashboard)
        {
            app.UseSecurityHeaders();

            if (!app.Environment.IsDevelopment())
            {
                app.UseExceptionHandler("/error", createScopeForErrors: true);
            }

            app.UseDashboardSecurity();

            app.UseAntiforgery();

            app.MapStaticAssets();
            app.MapPeopleExport();
            app.MapAuditExport();
            app.MapApi();
            app.MapDashboardSecurity();
            app.MapHealthEndpoints();
            app.MapRazorComponents<App>()
                // SecurityHeaders sends frame-ancestors 'none' in the one policy; Blazor's own 'self' header goes.
                .AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        }

        return app;
    }

    /// <summary>Creates the database, closes runs a stopped process left open, and registers the schedule.</summary>
    public static async Task InitialiseAsync(WebApplication app, HostMode mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StorageInitializer>()
            .InitialiseAsync(cancellationToken);
        if (mode == HostMode.Dashboard)
        {
            scope.ServiceProvider.GetRequiredService<SyncSchedule>().Register();
        }
    }
}
