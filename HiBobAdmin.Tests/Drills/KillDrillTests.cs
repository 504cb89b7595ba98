using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace HiBobAdmin.Tests.Drills;

/// <summary>
/// The app (the real executable, a child process) runs a full sync of a few thousand employees, from the CLI as cron
/// would or queued through the REST API of the dashboard, and is killed hard in the sync's second phase: every
/// <c>hibob_user</c> is written, part of the Port users are created or linked. The sandbox keeps HiBob and Port in a
/// state file, so what Port held at the kill survives into the next process as a real tenant would.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class KillDrillTests : IDisposable
{
    private const int Employees = 3_000;

    // Latency on every sandbox request keeps the link phase seconds long, so the poll (progress is saved every 2 s)
    // sees it under way on a fast machine too.
    private const string SlowPort = "--Sandbox:Faults:LatencyMs=40";

    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(90);

    private static readonly SandboxSeedKind[] LinkedKinds =
    [
        SandboxSeedKind.Matched,
        SandboxSeedKind.MatchedCaseDiffers,
        SandboxSeedKind.MatchedPaddedEmail,
        SandboxSeedKind.HiBobOnly,
    ];

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("hibobadmin-kill-").FullName;
    private readonly List<Process> _processes = [];
    private readonly Dictionary<Process, StringBuilder> _outputs = [];
    private readonly List<HttpClient> _clients = [];

    private string StatePath => Path.Combine(_dataDirectory, "sandbox-state.json");

    private string Database => Path.Combine(_dataDirectory, "hibobadmin.db");

    [Fact]
    public async Task CliSync_IsInterruptedAndTheNextRunConverges_WhenTheProcessIsKilledMidRun()
    {
        var killed = StartCli(SlowPort);
        var before = await WaitForWritesAsync(killed);
        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync().WaitAsync(ProcessTimeout);
        var left = ReadRun(before.Id);

        var restart = StartCli();
        var restartOutput = await FinishAsync(restart);
        var afterRestart = ReadRun(before.Id);

        Assert.Equal(SyncRunStatus.Running, left.Status);
        Assert.InRange(left.Done, left.EntityWrites + 1, left.Planned - 1);
        Assert.Equal(SyncRunStatus.Interrupted, afterRestart.Status);
        Assert.Equal(
            "The app stopped before this run finished; the next run picks up where it left off.",
            afterRestart.Message);
        Assert.True(restart.ExitCode == 0, $"the sync after the kill exited {restart.ExitCode}:\n{restartOutput}");
        Assert.Contains("Full sync: Succeeded", restartOutput, StringComparison.Ordinal);

        await AssertConvergedAsync(before.Id);
    }

    [Fact]
    public async Task DashboardSync_IsInterruptedAndTheNextRunConverges_WhenTheProcessIsKilledMidRun()
    {
        var key = ApiKeyHasher.NewKey();
        var (killed, client) = await StartDashboardAsync(key, SlowPort);
        var runId = await StartFullSyncAsync(client);
        var before = await WaitForWritesAsync(killed);
        killed.Kill(entireProcessTree: true);
        await killed.WaitForExitAsync().WaitAsync(ProcessTimeout);
        var left = ReadRun(before.Id);

        var (restarted, restartedClient) = await StartDashboardAsync(key);
        using var afterRestart = await GetRunAsync(restartedClient, runId);
        var nextId = await StartFullSyncAsync(restartedClient);
        using var next = await WaitForEndAsync(restartedClient, nextId);
        restarted.Kill(entireProcessTree: true);
        await restarted.WaitForExitAsync().WaitAsync(ProcessTimeout);

        Assert.Equal(runId, before.Id);
        Assert.Equal(SyncRunStatus.Running, left.Status);
        Assert.InRange(left.Done, left.EntityWrites + 1, left.Planned - 1);
        Assert.Equal("Interrupted", afterRestart.RootElement.GetProperty("status").GetString());
        Assert.Equal(
            "The app stopped before this run finished; the next run picks up where it left off.",
            afterRestart.RootElement.GetProperty("message").GetString());
        Assert.Equal("Succeeded", next.RootElement.GetProperty("status").GetString());
        await AssertConvergedAsync(before.Id);
    }

    public void Dispose()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }

            process.Dispose();
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// Opens the same data folder and state file in this process and checks what Port holds: one <c>_user</c> per
    /// person whatever the case, one <c>hibob_user</c> per employee, every active employee linked, and a further
    /// sync that finds nothing to write. The killed run reads Interrupted in the run history.
    /// </summary>
    private async Task AssertConvergedAsync(Guid killedRunId)
    {
        await using var app = await SandboxApp.StartAsync(
            new Dictionary<string, string?> { ["Sandbox:StatePath"] = StatePath },
            dataDirectory: _dataDirectory);
        var shown = await app.FindRunAsync(killedRunId);
        var sandbox = app.Sandbox;
        var users = sandbox.GetPortEntities("_user");
        var entities = sandbox.GetPortEntities("hibob_user");
        var resync = await app.RunFullSyncAsync();

        Assert.Equal(SyncRunStatus.Interrupted, shown.Status);
        var userIds = users.Select(Identifier).ToList();
        Assert.Equal(userIds.Count, userIds.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var entityIds = entities.Select(Identifier).ToList();
        Assert.Equal(entityIds.Count, entityIds.Distinct(StringComparer.Ordinal).Count());
        var employeeIds = sandbox.SeedSummary.People.SelectMany(p => p.EmployeeIds).ToHashSet(StringComparer.Ordinal);
        Assert.All(entityIds, id => Assert.Contains(id, employeeIds));
        var people = sandbox.SeedSummary.People.Where(p => LinkedKinds.Contains(p.Kind)).ToList();
        Assert.True(people.Count > Employees / 2, $"only {people.Count} seeded people should end up linked");
        Assert.All(people, person =>
        {
            var employeeId = Assert.Single(person.EmployeeIds);
            var email = person.HiBobEmails[0]!.Trim();
            var user = Assert.Single(users, u => string.Equals(Identifier(u), email, StringComparison.OrdinalIgnoreCase));

            // A Port admin is a protected account: the sync never changes it, so it stays unlinked (decision 0011).
            var admin = user["properties"]?["port_role"]?.ToString() == "Admin";
            Assert.Equal(admin ? null : employeeId, user["relations"]?["hibob_user"]?.ToString());
            Assert.Single(entities, e => Identifier(e) == employeeId);
        });
        Assert.Equal(SyncRunStatus.Succeeded, resync.Status);
        Assert.Equal(0, resync.Planned);
        Assert.Empty(sandbox.WriteCounts);
        Assert.Equal(0, sandbox.CountRequests(method: "PATCH"));
    }

    /// <summary>`dotnet HiBobAdmin.dll sync` on the drill's data folder and state file, output captured.</summary>
    private Process StartCli(params string[] settings) => StartApp(["sync", .. settings]);

    /// <summary>
    /// The dashboard on a loopback port with one API key allowed to start syncs and no schedule; returns once it
    /// answers <c>/healthz</c>, with a client that sends the key.
    /// </summary>
    private async Task<(Process Process, HttpClient Client)> StartDashboardAsync(string apiKey, params string[] settings)
    {
        var url = $"http://127.0.0.1:{FreeLoopbackPort().ToString(CultureInfo.InvariantCulture)}";
        var process = StartApp(
        [
            $"--urls={url}",
            "--Sync:Schedule=",
            "--Api:Keys:0:Name=kill-drill",
            $"--Api:Keys:0:Hash={ApiKeyHasher.Hash(apiKey)}",
            $"--Api:Keys:0:Role={Roles.HrAdmin}",
            .. settings,
        ]);
        var client = new HttpClient { BaseAddress = new Uri(url) };
        _clients.Add(client);
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            Assert.False(process.HasExited, $"the dashboard stopped at start:\n{OutputOf(process)}");
            Assert.True(waited.Elapsed < ProcessTimeout, $"the dashboard did not answer within {ProcessTimeout}:\n{OutputOf(process)}");
            try
            {
                using var health = await client.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return (process, client);
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }
    }

    private static async Task<Guid> StartFullSyncAsync(HttpClient client)
    {
        using var response = await client.PostAsync(new Uri("/api/sync", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST /api/sync answered {response.StatusCode}: {body}");
        using var accepted = JsonDocument.Parse(body);
        return accepted.RootElement.GetProperty("runId").GetGuid();
    }

    private static async Task<JsonDocument> GetRunAsync(HttpClient client, Guid runId)
    {
        using var response = await client.GetAsync(new Uri($"/api/runs/{runId}", UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static async Task<JsonDocument> WaitForEndAsync(HttpClient client, Guid runId)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var run = await GetRunAsync(client, runId);
            if (run.RootElement.GetProperty("status").GetString() is not ("Queued" or "Running"))
            {
                return run;
            }

            run.Dispose();
            Assert.True(waited.Elapsed < ProcessTimeout, $"run {runId} did not end within {ProcessTimeout}");
            await Task.Delay(250);
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>`dotnet HiBobAdmin.dll` with the drill's data folder, state file and organisation, output captured.</summary>
    private Process StartApp(string[] arguments)
    {
        var app = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(app)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])
            [
                app,
                .. arguments,
                $"--Storage:DataDirectory={_dataDirectory}",
                $"--Sandbox:StatePath={StatePath}",
                $"--Sandbox:EmployeeCount={Employees.ToString(CultureInfo.InvariantCulture)}",
            ])
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        _outputs[process] = output;
        process.Start();
        _processes.Add(process);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string OutputOf(Process process)
    {
        var output = _outputs[process];
        lock (output)
        {
            return output.ToString();
        }
    }

    private async Task<string> FinishAsync(Process process)
    {
        await process.WaitForExitAsync().WaitAsync(ProcessTimeout);
        return OutputOf(process);
    }

    /// <summary>
    /// Polls the run history until the run is Running in its link phase: the entity writes are recorded as items
    /// (the runner saves them when that phase ends) and the saved progress counts more writes than those.
    /// </summary>
    private async Task<RunRow> WaitForWritesAsync(Process process)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ProcessTimeout)
        {
            Assert.False(process.HasExited, $"the sync ended before it could be killed:\n{OutputOf(process)}");
            if (File.Exists(Database) && TryReadRuns() is [var run] && run.Status == SyncRunStatus.Running
                && run.EntityWrites > 0 && run.Done > run.EntityWrites)
            {
                return run;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No writes were recorded within {ProcessTimeout}:\n{OutputOf(process)}");
    }

    private RunRow ReadRun(Guid id) => Assert.Single(TryReadRuns() ?? [], r => r.Id == id);

    private List<RunRow>? TryReadRuns()
    {
        try
        {
            using var connection = new SqliteConnection($"Data Source={Database};Pooling=False");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT r.Id, r.Status, r.Planned, r.Done, r.Message,
                    (SELECT COUNT(*) FROM RunItems i
                     WHERE i.RunId = r.Id AND i.Action IN ('CreateEntity', 'UpdateEntity', 'MarkInactive'))
                FROM Runs r
                """;
            using var reader = command.ExecuteReader();
            var runs = new List<RunRow>();
            while (reader.Read())
            {
                runs.Add(new RunRow(
                    Guid.Parse(reader.GetString(0)),
                    Enum.Parse<SyncRunStatus>(reader.GetString(1)),
                    reader.GetInt32(2),
                    reader.GetInt32(3),
                    reader.IsDBNull(4) ? null : reader.GetString(4),
                    reader.GetInt32(5)));
            }

            return runs;
        }
        catch (SqliteException)
        {
            // The database is still being created or migrated by the child process.
            return null;
        }
    }

    private static string Identifier(JsonObject entity) => entity["identifier"]!.GetValue<string>();

    private sealed record RunRow(Guid Id, SyncRunStatus Status, int Planned, int Done, string? Message, int EntityWrites);
}
