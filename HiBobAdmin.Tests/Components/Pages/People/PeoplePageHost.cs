using Bunit;
using Bunit.Rendering;
using Hangfire;
using HiBobAdmin.Decisions;
using HiBobAdmin.Hosting;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.Components.Pages.Layout;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;
using PeoplePage = HiBobAdmin.Components.Pages.People.People;

namespace HiBobAdmin.Tests.Components.Pages.People;

/// <summary>
/// A bUnit context with what the people page needs: a snapshot, a SQLite run store, a job client that records
/// what is enqueued, and a people query that counts its calls (the grid's loader).
/// </summary>
internal sealed class PeoplePageHost : IAsyncDisposable
{
    private readonly TestDatabase _database = new();

    public PeoplePageHost(PeopleSnapshot snapshot, bool isSandbox = false)
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Auth = Context.SignIn();
        var services = Context.Services;
        services.AddMudServices();
        _database.AddTo(services);
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<SyncProgressHub>();
        services.AddSingleton<PeopleSnapshotStore>();
        services.AddSingleton<SnapshotArchive>();
        services.AddSingleton<SyncAdmission>();
        services.AddSingleton<IBackgroundJobClient>(Jobs);
        services.AddSingleton(Options.Create(new SyncOptions()));
        services.AddSingleton(new EnvironmentInfo(isSandbox, "api.hibob.com", "api.getport.io"));
        services.AddSingleton<IPeopleQuery>(sp => new CountingPeopleQuery(new PeopleQuery(sp.GetRequiredService<PeopleSnapshotStore>())));
        services.AddScoped<RunStore>();
        services.AddScoped<SyncLauncher>();
        services.AddSingleton(new RunOwner(Options.Create(new StorageOptions())));
        services.AddSingleton<HiBobAdmin.Audit.AuditLog>();
        services.AddScoped<IPortCatalog>(_ => Port);
        services.AddScoped<LeaverDisabler>();

        Context.Services.GetRequiredService<PeopleSnapshotStore>().Replace(snapshot);
    }

    public BunitContext Context { get; } = new();

    /// <summary>Signed in as a PlatformAdmin; <c>Auth.SignInAs(role)</c> changes the role.</summary>
    public Bunit.TestDoubles.BunitAuthorizationContext Auth { get; }

    public RecordingJobClient Jobs { get; } = new();

    /// <summary>Records the Port users the page disabled.</summary>
    public DashboardTestHost.FakePortCatalog Port { get; } = new();

    /// <summary>The clock of the run records and of MudBlazor's timers.</summary>
    public FakeTimeProvider Time { get; } = new(PeopleTestData.ReadAt.AddHours(1));

    public CountingPeopleQuery Query => (CountingPeopleQuery)Context.Services.GetRequiredService<IPeopleQuery>();

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    public ISnackbar Snackbar => Context.Services.GetRequiredService<ISnackbar>();

    public IRenderedComponent<ContainerFragment> Render(string uri = "/people")
    {
        Navigation.NavigateTo(uri);
        return Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<PeoplePage>(2);
            builder.CloseComponent();
        });
    }

    /// <summary>
    /// Commits a search as the search box does once typing pauses (its debounce is MudBlazor's, not under test).
    /// </summary>
    public static Task SearchAsync(IRenderedComponent<ContainerFragment> page, string text)
    {
        var box = page.FindComponents<MudTextField<string>>()
            .Single(c => c.Find("input").GetAttribute("data-testid") == "people-search");
        return box.InvokeAsync(() => box.Instance.ValueChanged.InvokeAsync(text));
    }

    public async Task<IReadOnlyList<SyncRun>> RunsAsync()
    {
        await using var scope = Context.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunStore>().RecentAsync(100, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _database.Delete();
    }

    internal sealed class CountingPeopleQuery(IPeopleQuery inner) : IPeopleQuery
    {
        private readonly List<(PeopleCriteria Criteria, int Page)> _calls = [];

        public IReadOnlyList<(PeopleCriteria Criteria, int Page)> Calls
        {
            get
            {
                lock (_calls)
                {
                    return [.. _calls];
                }
            }
        }

        public async Task<PeopleQueryResult> QueryAsync(
            PeopleCriteria criteria, PeopleSort? sort, int page, int pageSize, CancellationToken cancellationToken)
        {
            lock (_calls)
            {
                _calls.Add((criteria, page));
            }

            return await inner.QueryAsync(criteria, sort, page, pageSize, cancellationToken);
        }
    }
}
