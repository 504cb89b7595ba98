using HiBobAdmin.Hosting;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>
/// The whole app as `dotnet run` starts it, in sandbox mode, on loopback ports chosen at start: the dashboard,
/// the Hangfire job server and the emulated HiBob and Port, each call crossing real HTTP. Storage lives in a
/// temporary folder and the sandbox keeps its state in memory. Unless a test asks otherwise, one local account per
/// role is configured (<see cref="TestAccounts"/>) and <see cref="SignInAsync"/> gives a signed-in client.
/// </summary>
public sealed class SandboxApp : IAsyncDisposable
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    private readonly WebApplication _app;

    private readonly bool _ownsDataDirectory;
    private readonly List<IAsyncDisposable> _clients = [];

    private SandboxApp(WebApplication app, string dataDirectory, bool ownsDataDirectory)
    {
        _app = app;
        DataDirectory = dataDirectory;
        _ownsDataDirectory = ownsDataDirectory;
    }

    public string DataDirectory { get; }

    public IServiceProvider Services => _app.Services;

    public SandboxState Sandbox => Services.GetRequiredService<SandboxState>();

    public PeopleSnapshotStore Snapshots => Services.GetRequiredService<PeopleSnapshotStore>();

    /// <summary>The dashboard's own address (not the sandbox's).</summary>
    public Uri DashboardUri
    {
        get
        {
            var sandbox = _app.Configuration["Sandbox:ListenUrl"];
            var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
            return new Uri(addresses.Addresses.First(a => !string.Equals(a, sandbox, StringComparison.OrdinalIgnoreCase)));
        }
    }

    public static async Task<SandboxApp> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? overrideServices = null,
        string? dataDirectory = null,
        bool testAccounts = true,
        string? environment = null)
    {
        var ownsDataDirectory = dataDirectory is null;
        dataDirectory ??= Directory.CreateTempSubdirectory("hibobadmin-test-").FullName;
        var config = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Storage:DataDirectory"] = dataDirectory,
            ["Sandbox:StatePath"] = "",
            ["Sync:Schedule"] = "",
            ["Logging:LogLevel:Default"] = "Warning",

            // Tests talk plain HTTP to loopback, where a Secure cookie would never be sent back.
            ["Auth:SecureCookies"] = "false",

            // Every test signs in from 127.0.0.1; the production limit is tested on its own (SignInRateLimitTests).
            ["RateLimits:SignInPerMinute"] = "1000",
        };
        if (testAccounts)
        {
            foreach (var (key, value) in TestAccounts.Settings())
            {
                config[key] = value;
            }
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        // The environment goes in as an argument, read once by this host only: a process-wide variable would leak
        // into whole-app tests that start their hosts at the same time.
        var app = AppHost.Build(
            environment is null ? [] : [$"--environment={environment}"],
            HostMode.Dashboard,
            builder => builder.Configuration.AddInMemoryCollection(config),
            overrideServices);
        await AppHost.InitialiseAsync(app, HostMode.Dashboard, CancellationToken.None);
        await app.StartAsync();
        return new SandboxApp(app, dataDirectory, ownsDataDirectory);
    }

    /// <summary>A cookie-keeping client that follows no redirects, signed in to nobody.</summary>
    public HttpClient CreateClient() => DashboardClient.Create(DashboardUri);

    /// <summary>A client signed in with the test account of <paramref name="role"/> (needs the test accounts).</summary>
    public async Task<HttpClient> SignInAsync(string role = Roles.PlatformAdmin)
    {
        var client = CreateClient();
        using var response = await client.SignInAsync(TestAccounts.UserNameOf(role), TestAccounts.PasswordOf(role));
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        return client;
    }

    /// <summary>Starts a full sync as the dashboard button does and waits for the run to end.</summary>
    public async Task<SyncRun> RunFullSyncAsync(bool dryRun = false)
    {
        await using var scope = Services.CreateAsyncScope();
        var launch = await scope.ServiceProvider.GetRequiredService<SyncLauncher>()
            .StartFullSyncAsync(SyncTrigger.Dashboard, "test", dryRun, CancellationToken.None);
        Assert.True(launch.Accepted, launch.Message);
        return await WaitForRunAsync(launch.RunId!.Value);
    }

    public async Task<SyncRun> RunSingleUserSyncAsync(string emailOrId)
    {
        await using var scope = Services.CreateAsyncScope();
        var launch = await scope.ServiceProvider.GetRequiredService<SyncLauncher>()
            .StartSingleUserSyncAsync(emailOrId, SyncTrigger.Dashboard, "test", CancellationToken.None);
        Assert.True(launch.Accepted, launch.Message);
        return await WaitForRunAsync(launch.RunId!.Value);
    }

    /// <summary>Waits for the run to leave Queued/Running, woken by the progress hub rather than by polling.</summary>
    public async Task<SyncRun> WaitForRunAsync(Guid runId)
    {
        var hub = Services.GetRequiredService<SyncProgressHub>();
        var finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnChanged(RunProgress progress)
        {
            if (progress.RunId == runId && progress.Status is not (SyncRunStatus.Queued or SyncRunStatus.Running))
            {
                finished.TrySetResult();
            }
        }

        hub.RunChanged += OnChanged;
        try
        {
            var run = await FindRunAsync(runId);
            if (run.IsActive)
            {
                await finished.Task.WaitAsync(RunTimeout);
            }

            return await FindRunAsync(runId);
        }
        finally
        {
            hub.RunChanged -= OnChanged;
        }
    }

    public async Task<SyncRun> FindRunAsync(Guid runId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunStore>().FindAsync(runId, CancellationToken.None)
            ?? throw new InvalidOperationException($"Run {runId} not found.");
    }

    public async Task<IReadOnlyList<SyncRunItem>> ItemsAsync(Guid runId)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunStore>().ItemsAsync(runId, CancellationToken.None);
    }

    /// <summary>Disposes <paramref name="client"/> (a browser context, say) before the app stops.</summary>
    public void CloseFirstWhenStopping(IAsyncDisposable client) => _clients.Add(client);

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
        if (!_ownsDataDirectory)
        {
            return;
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on some systems; a temp folder left behind is harmless.
        }
    }
}
