using Bunit;
using Bunit.Rendering;
using Bunit.TestDoubles;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using HiBobAdmin.Audit;
using HiBobAdmin.Decisions;
using HiBobAdmin.HiBob;
using HiBobAdmin.Hosting;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;
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

namespace HiBobAdmin.Tests.Components.Pages.Layout;

/// <summary>
/// A bUnit context with the services the dashboard pages use: a SQLite run store, a job client that records what
/// was enqueued, fake vendor clients, a fixed clock and options the test can change before the first render.
/// </summary>
internal sealed class DashboardTestHost : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 30, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();

    public DashboardTestHost(EnvironmentInfo? environment = null)
    {
        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Auth = Context.SignIn();
        var services = Context.Services;
        services.AddMudServices();
        _database.AddTo(services);
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now));
        services.AddSingleton<SyncProgressHub>();
        services.AddSingleton<PeopleSnapshotStore>();
        services.AddSingleton<SnapshotArchive>();
        services.AddSingleton<CredentialHealth>();
        services.AddSingleton<SyncAdmission>();
        services.AddSingleton<DataModelGate>();
        services.AddSingleton<IBackgroundJobClient>(Jobs);
        services.AddSingleton<IRecurringJobManager>(new NoRecurringJobs());
        services.AddSingleton(environment ?? new EnvironmentInfo(true, "Sandbox (simulated HiBob)", "Sandbox (simulated Port)"));
        services.AddSingleton(Options.Create(SyncOptions));
        services.AddSingleton(Options.Create(HiBobOptions));
        services.AddSingleton(Options.Create(PortOptions));
        services.AddSingleton(HiBob);
        services.AddSingleton(Port);
        services.AddScoped<IHiBobDirectory>(_ => HiBob);
        services.AddScoped<IPortCatalog>(_ => Port);
        services.AddScoped<RunStore>();
        services.AddScoped<SyncLauncher>();
        services.AddSingleton(new RunOwner(Options.Create(new StorageOptions())));
        services.AddScoped<RunDecisions>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<SyncSchedule>();
        services.AddScoped<LeaverDisabler>();
        services.AddScoped<ManualDecisionStore>();
        services.AddScoped<SyncStateReader>();
    }

    public BunitContext Context { get; } = new();

    /// <summary>Signed in as a PlatformAdmin; <c>Auth.SignInAs(role)</c> changes the role.</summary>
    public Bunit.TestDoubles.BunitAuthorizationContext Auth { get; }

    public RecordingJobClient Jobs { get; } = new();

    public SyncOptions SyncOptions { get; } = new();

    public HiBobOptions HiBobOptions { get; } = new();

    public PortOptions PortOptions { get; } = new();

    public FakeHiBobDirectory HiBob { get; } = new();

    public FakePortCatalog Port { get; } = new();

    public PeopleSnapshotStore Snapshots => Context.Services.GetRequiredService<PeopleSnapshotStore>();

    public NavigationManager Navigation => Context.Services.GetRequiredService<NavigationManager>();

    /// <summary>Renders the page beside the providers MainLayout gives it (popovers, dialogs).</summary>
    public IRenderedComponent<ContainerFragment> Render<TPage>()
        where TPage : IComponent =>
        Context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<TPage>(2);
            builder.CloseComponent();
        });

    public async Task AddRunAsync(SyncRun run)
    {
        await using var scope = Context.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunStore>().AddAsync(run, CancellationToken.None);
    }

    // MudBlazor registers services that can only be disposed asynchronously.
    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        _database.Delete();
    }

    private sealed class NoRecurringJobs : IRecurringJobManager
    {
        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
        {
        }

        public void Trigger(string recurringJobId)
        {
        }

        public void RemoveIfExists(string recurringJobId)
        {
        }
    }

    internal sealed class FakeHiBobDirectory : IHiBobDirectory
    {
        public ConnectionCheck Answer { get; set; } = new(true, "GET /v1/company/people/fields", "HiBob accepted it");

        public int Calls { get; private set; }

        /// <summary>What a read of everyone (a Refresh) fails with; unset, a page reading HiBob is a test failure.</summary>
        public VendorApiException? ReadFailure { get; set; }

        public Task<EmployeeReadResult> ReadAllAsync(CancellationToken cancellationToken) =>
            throw (Exception?)ReadFailure ?? new NotSupportedException("The pages read the snapshot, never HiBob directly.");

        public Task<EmployeeReadResult> ReadOneAsync(string identifier, CancellationToken cancellationToken) =>
            throw new NotSupportedException("The pages read the snapshot, never HiBob directly.");

        public Task<ConnectionCheck> CheckConnectionAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Answer);
        }
    }

    internal sealed class FakePortCatalog : IPortCatalog
    {
        public ConnectionCheck Answer { get; set; } = new(true, "GET /v1/blueprints/_user/entities-count", "Connected");

        public DataModelStatus CheckAnswer { get; set; } = new(true, [], []);

        public DataModelStatus EnsureAnswer { get; set; } = new(true, [], []);

        public int Calls { get; private set; }

        public Task<IReadOnlyList<PortUser>> ReadUsersAsync(
            IReadOnlyCollection<string>? identifiers,
            CancellationToken cancellationToken) => throw Unexpected();

        public Task<IReadOnlyList<HibobUserEntity>> ReadHibobUsersAsync(
            IReadOnlyCollection<string>? identifiers,
            CancellationToken cancellationToken) => throw Unexpected();

        public Task<IReadOnlyList<PortWriteOutcome>> WriteHibobUsersAsync(
            IReadOnlyList<HibobUserWrite> writes,
            IProgress<int>? progress,
            CancellationToken cancellationToken) => throw Unexpected();

        public Task<IReadOnlyList<PortWriteOutcome>> WriteUserLinksAsync(
            IReadOnlyList<UserLinkWrite> writes,
            IProgress<int>? progress,
            CancellationToken cancellationToken) => throw Unexpected();

        /// <summary>The <c>hibob_user</c> identifiers a page asked Port to delete, in order.</summary>
        public List<string> Removed { get; } = [];

        public Task<PortWriteOutcome> RemoveHibobUserAsync(string identifier, CancellationToken cancellationToken)
        {
            Removed.Add(identifier);
            return Task.FromResult(new PortWriteOutcome(identifier, true, false, null));
        }

        /// <summary>The <c>_user</c> identifiers a page asked Port to disable, in order.</summary>
        public List<string> DisabledUsers { get; } = [];

        /// <summary>Port's message per identifier that should fail to disable.</summary>
        public Dictionary<string, string> DisableFailures { get; } = new(StringComparer.Ordinal);

        public Task<PortWriteOutcome> DisableUserAsync(string identifier, CancellationToken cancellationToken)
        {
            if (DisableFailures.TryGetValue(identifier, out var message))
            {
                return Task.FromResult(new PortWriteOutcome(identifier, false, false, message));
            }

            DisabledUsers.Add(identifier);
            return Task.FromResult(new PortWriteOutcome(identifier, true, false, null));
        }

        public Task<DataModelStatus> CheckDataModelAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(CheckAnswer);
        }

        public Task<DataModelStatus> EnsureDataModelAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(EnsureAnswer);
        }

        public Task<ConnectionCheck> CheckConnectionAsync(CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(Answer);
        }

        private static NotSupportedException Unexpected() =>
            new("The pages read the snapshot and never write through Port directly.");
    }
}
