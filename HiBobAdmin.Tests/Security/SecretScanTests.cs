using System.Text;
using Hangfire;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.Security;

/// <summary>
/// After syncs that succeed and fail, no credential may appear in the logs (at Trace level), the stored runs and
/// items, Hangfire's job data, or the rendered page.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class SecretScanTests
{
    private const string HiBobToken = "hibob-token-Zq81xW";
    private const string PortSecret = "port-secret-Kv27pL";

    [Fact]
    public async Task Secrets_NeverReachLogsRunsJobsOrPages_AfterSyncs()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await SandboxApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Sandbox:HiBobServiceUserToken"] = HiBobToken,
                ["Sandbox:PortClientSecret"] = PortSecret,
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:System"] = "Trace",
                ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
                ["Logging:LogLevel:Polly"] = "Trace",
                ["Logging:LogLevel:Hangfire"] = "Trace",
            },
            overrideServices: services => services.AddSingleton<ILoggerProvider>(logs));

        var full = await app.RunFullSyncAsync();
        app.Sandbox.ExpireAllTokens();
        var single = await app.RunSingleUserSyncAsync(app.Sandbox.SeedSummary.People[0].HiBobEmails.First(e => e is not null)!);
        var missing = await app.RunSingleUserSyncAsync("nobody@example.com");
        using var http = new HttpClient { BaseAddress = app.DashboardUri };
        var page = await http.GetStringAsync(new Uri("/", UriKind.Relative));

        var lines = logs.Entries.Select(e => e.ToString()).ToList();
        Assert.Equal(SyncRunStatus.Succeeded, full.Status);
        Assert.Equal(SyncRunStatus.Succeeded, single.Status);
        Assert.Equal(SyncRunStatus.Failed, missing.Status);
        // The scan is only worth something if the HTTP traffic, headers included, was logged.
        Assert.Contains(lines, line => line.Contains("Request Headers", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Authorization", StringComparison.Ordinal));
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"sandbox-service-user:{HiBobToken}"));
        string[] secrets = [HiBobToken, PortSecret, basic];
        var stored = await StoredTextAsync(app);
        var jobs = JobArguments(app);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, jobs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, page, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(lines, line => line.Contains("Bearer ey", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Authorization: Basic", StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<string> StoredTextAsync(SandboxApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var runs = scope.ServiceProvider.GetRequiredService<RunStore>();
        var text = new StringBuilder();
        foreach (var run in await runs.RecentAsync(100, CancellationToken.None))
        {
            text.AppendLine(run.Message).AppendLine(run.Subject).AppendLine(run.StartedBy);
            foreach (var item in await runs.ItemsAsync(run.Id, CancellationToken.None))
            {
                text.AppendLine(item.Subject).AppendLine(item.Name).AppendLine(item.Message);
            }
        }

        return text.ToString();
    }

    private static string JobArguments(SandboxApp app)
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = monitoring.SucceededJobs(0, 1000).Select(j => j.Value.Job)
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Value.Job));
        return string.Join('\n', jobs.Where(j => j is not null).SelectMany(j => j!.Args).Select(a => a?.ToString()));
    }
}
