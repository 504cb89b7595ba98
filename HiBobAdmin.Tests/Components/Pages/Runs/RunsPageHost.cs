using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using HiBobAdmin.Audit;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace HiBobAdmin.Tests.Components.Pages.Runs;

/// <summary>A bUnit context with a SQLite run store, the progress hub and a fake clock for the storage poll.</summary>
internal sealed class RunsPageHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();

    public RunsPageHost()
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Auth = Context.SignIn();
        var services = Context.Services;
        services.AddMudServices();
        _database.AddTo(services);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<SyncProgressHub>();
        services.AddScoped<RunStore>();
        services.AddSingleton<SyncAdmission>();
        services.AddSingleton<Hangfire.IBackgroundJobClient>(Jobs);
        services.AddSingleton<AuditLog>();
        services.AddScoped<SyncLauncher>();
        services.AddSingleton(new RunOwner(Options.Create(new StorageOptions())));
        services.AddScoped<RunDecisions>();
    }

    public RecordingJobClient Jobs { get; } = new();

    public AuditLog Audit => Context.Services.GetRequiredService<AuditLog>();

    public BunitContext Context { get; } = new();

    /// <summary>Signed in as a PlatformAdmin; <c>Auth.SignInAs(role)</c> changes the role.</summary>
    public Bunit.TestDoubles.BunitAuthorizationContext Auth { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    public SyncProgressHub Hub => Context.Services.GetRequiredService<SyncProgressHub>();

    /// <summary>A store of its own, as another process (the CLI) on the same database would have.</summary>
    public RunStore Store => Context.Services.GetRequiredService<RunStore>();

    public async Task AddAsync(SyncRun run, params SyncRunItem[] items)
    {
        await Store.AddAsync(run, CancellationToken.None);
        foreach (var item in items)
        {
            item.RunId = run.Id;
        }

        await Store.AddItemsAsync(items, CancellationToken.None);
    }

    /// <summary>Renders a page beside the popover provider its selects need; <paramref name="id"/> goes to Id.</summary>
    public IRenderedComponent<ContainerFragment> Render<TPage>(Guid? id = null)
        where TPage : IComponent =>
        Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(1);
            if (id is { } value)
            {
                builder.AddAttribute(2, "Id", value);
            }

            builder.CloseComponent();
        });

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _database.Delete();
    }

    public static SyncRun Run(
        DateTimeOffset queuedAt,
        SyncRunStatus status,
        SyncTrigger trigger = SyncTrigger.Dashboard,
        string startedBy = "dashboard") =>
        new()
        {
            Id = Guid.NewGuid(),
            Kind = SyncKind.Full,
            Trigger = trigger,
            StartedBy = startedBy,
            Status = status,
            QueuedAt = queuedAt,
            StartedAt = queuedAt.AddSeconds(1),
            FinishedAt = status is SyncRunStatus.Queued or SyncRunStatus.Running ? null : queuedAt.AddSeconds(13.5),
        };
}
