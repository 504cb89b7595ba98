using Bunit;
using Bunit.Rendering;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using HiBobAdmin.Components.Pages.Overview;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;
using MudBlazor.Services;

namespace HiBobAdmin.Tests.Components.Pages;

public sealed class OverviewTests : IAsyncLifetime
{
    private readonly BunitContext _context = new();
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"hibobadmin-bunit-{Guid.NewGuid():N}.db");
    private readonly RecordingJobClient _jobs = new();
    private readonly PeopleSnapshotStore _snapshots;

    public OverviewTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        var services = _context.Services;
        services.AddMudServices();
        services.AddDbContextFactory<HiBobAdminDbContext>(db => db.UseSqlite($"Data Source={_database}"));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<SyncProgressHub>();
        services.AddSingleton<PeopleSnapshotStore>();
        services.AddSingleton<CredentialHealth>();
        services.AddSingleton<SyncAdmission>();
        services.AddSingleton<IBackgroundJobClient>(_jobs);
        services.AddSingleton(Options.Create(new SyncOptions()));
        services.AddScoped<RunStore>();
        services.AddScoped<SyncLauncher>();

        using (var db = _context.Services.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>().CreateDbContext())
        {
            db.Database.EnsureCreated();
        }

        _snapshots = _context.Services.GetRequiredService<PeopleSnapshotStore>();
        _snapshots.Replace(new PeopleSnapshot(
            [
                Row("1", "ana@example.com", LinkStatus.Matched),
                Row("2", "bo@example.com", LinkStatus.Matched),
                Row("3", "cy@example.com", LinkStatus.HiBobOnly),
                new PersonRow(null, new PortUser("fin@example.com", "Fin", "Active", "Standard", null), LinkStatus.PortOnly, "fin@example.com", "No employee."),
            ],
            ServiceAccounts: 1,
            ReadAt: new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero),
            Plan: SyncPlan.Empty));
    }

    [Fact]
    public void Overview_ShowsTheCountsAndEveryoneOfTheSnapshot()
    {
        var page = RenderOverview();

        Assert.Equal("Matched: 2", Chip(page, LinkStatus.Matched));
        Assert.Equal("HiBob only: 1", Chip(page, LinkStatus.HiBobOnly));
        Assert.Equal("Port only: 1", Chip(page, LinkStatus.PortOnly));
        Assert.Equal("Leaver: 0", Chip(page, LinkStatus.Leaver));
        Assert.Contains("Read 2026-12-03 09:30:00 UTC", page.Markup, StringComparison.Ordinal);
        var rows = page.FindAll("tbody tr");
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("cy@example.com", StringComparison.Ordinal) && r.TextContent.Contains("HiBob only", StringComparison.Ordinal));
        Assert.Equal("No sync has run yet. Start one with \"Run full sync\".", page.Find("[data-testid=no-runs]").TextContent);
    }

    [Fact]
    public void Overview_EnqueuesNothing_UntilTheAdminClicks_ThenExactlyOneFullSync() // B17
    {
        var page = RenderOverview();
        Assert.Empty(_jobs.Created);

        page.Find("[data-testid=run-full-sync]").Click();

        page.WaitForAssertion(() => Assert.Equal("Full sync queued.", page.Find("[data-testid=notice]").TextContent.Trim()));
        var job = Assert.Single(_jobs.Created);
        Assert.Equal(nameof(SyncJobs.RunAsync), job.Method.Name);
        Assert.Equal("Queued", page.Find("[data-testid=run-status]").TextContent);
        Assert.True(page.Find("[data-testid=run-full-sync]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Overview_FollowsProgressRaisedOnAWorkerThread_AndUnsubscribesOnDispose() // B16
    {
        var page = RenderOverview();
        page.Find("[data-testid=run-full-sync]").Click();
        var runId = (Guid)_jobs.Created.Single().Args[0]!;
        var hub = _context.Services.GetRequiredService<SyncProgressHub>();
        var run = new SyncRun { Id = runId, Kind = SyncKind.Full, Status = SyncRunStatus.Running, Planned = 10 };

        for (var done = 1; done <= 5; done++)
        {
            run.Done = done;
            await Task.Run(() => hub.Publish(run));
        }

        page.WaitForAssertion(() => Assert.Equal("5 of 10 changes", page.Find("[data-testid=last-run] .mud-typography-caption").TextContent.Trim()));
        Assert.Equal(1, hub.SubscriberCount);

        await _context.DisposeComponentsAsync();

        Assert.Equal(0, hub.SubscriberCount);
    }

    [Fact]
    public void Overview_FiltersTheTableByStatusAndSearch()
    {
        var page = RenderOverview();

        page.Find("[data-testid=people-table] input").Input("bo@");

        page.WaitForAssertion(() => Assert.Single(page.FindAll("tbody tr")));
        Assert.Contains("bo@example.com", page.Find("tbody tr").TextContent, StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that can only be disposed asynchronously.
    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_database);
    }

    private IRenderedComponent<ContainerFragment> RenderOverview() =>
        _context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<Overview>(1);
            builder.CloseComponent();
        });

    private static string Chip(IRenderedComponent<ContainerFragment> page, LinkStatus status) =>
        page.Find($"[data-status-count={status}]").TextContent.Trim();

    private static PersonRow Row(string id, string email, LinkStatus status) =>
        new(
            new Employee { Id = id, Email = email, IsActive = true, DisplayName = $"Person {id}" },
            status == LinkStatus.HiBobOnly ? null : new PortUser(email, null, "Active", "Standard", id),
            status,
            email,
            "Test row.");

    private sealed class RecordingJobClient : IBackgroundJobClient
    {
        public List<Job> Created { get; } = [];

        public string Create(Job job, IState state)
        {
            Created.Add(job);
            return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool ChangeState(string jobId, IState state, string expectedState) => true;
    }
}
