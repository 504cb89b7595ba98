using System.IO.Compression;
using System.Text;
using Hangfire;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.Security;

/// <summary>
/// After syncs that succeed and fail, no credential may appear in the logs (at Trace level), the database (every
/// table), Hangfire's job data, or the rendered pages. The initial admin's one-time password may appear in exactly
/// one log line, the one that hands it over.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class SecretScanTests
{
    private const string HiBobToken = "hibob-token-Zq81xW";
    private const string PortSecret = "port-secret-Kv27pL";
    private const string OidcSecret = "oidc-secret-Hm55rT";
    private const string NewAdminPassword = "admin-password-Jx40cN";

    private static readonly Dictionary<string, string?> TraceEverything = new()
    {
        ["Sandbox:HiBobServiceUserToken"] = HiBobToken,
        ["Sandbox:PortClientSecret"] = PortSecret,
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:System"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
        ["Logging:LogLevel:Polly"] = "Trace",
        ["Logging:LogLevel:Hangfire"] = "Trace",
    };

    [Fact]
    public async Task Secrets_NeverReachLogsDatabaseJobsOrPages_WithTheInitialAdmin()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await SandboxApp.StartAsync(
            TraceEverything,
            services => services.AddSingleton<ILoggerProvider>(logs),
            testAccounts: false);
        var handover = Assert.Single(logs.Entries, e => e.EventId.Id == 5001);
        var oneTimePassword = (string)handover.Values["Password"]!;
        using var admin = app.CreateClient();
        using var signedIn = await admin.SignInAsync(InitialAdmin.UserName, oneTimePassword);
        using var changed = await admin.ChangePasswordAsync(oneTimePassword, NewAdminPassword);
        Assert.Equal("/", changed.Headers.Location?.OriginalString);

        var (bearers, pages) = await SyncAndRenderAsync(app, admin);

        var lines = logs.Entries.Where(e => e != handover).Select(e => e.ToString()).ToList();
        AssertLogsAreWorthScanning(lines);
        var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes($"sandbox-service-user:{HiBobToken}"));
        string[] secrets = [HiBobToken, PortSecret, basic, oneTimePassword, NewAdminPassword, .. bearers];
        AssertNowhere(secrets, lines, await DatabaseTextAsync(app), JobArguments(app), pages);
    }

    [Fact]
    public async Task Secrets_NeverReachLogsDatabaseJobsOrPages_WithSingleSignOn()
    {
        var logs = new CapturingLoggerProvider();
        var settings = new Dictionary<string, string?>(TraceEverything)
        {
            ["Auth:Oidc:Authority"] = "https://login.example.com/tenant",
            ["Auth:Oidc:ClientId"] = "hibobadmin",
            ["Auth:Oidc:ClientSecret"] = OidcSecret,
        };
        await using var app = await SandboxApp.StartAsync(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        using var admin = await app.SignInAsync();

        var (bearers, pages) = await SyncAndRenderAsync(app, admin);

        var lines = logs.Entries.Select(e => e.ToString()).ToList();
        AssertLogsAreWorthScanning(lines);
        var accountPassword = TestAccounts.PasswordOf(Roles.PlatformAdmin);
        string[] secrets = [HiBobToken, PortSecret, OidcSecret, accountPassword, .. bearers];
        AssertNowhere(secrets, lines, await DatabaseTextAsync(app), JobArguments(app), pages);
    }

    /// <summary>A full sync, a single sync after every token expired, a failing one, then every page as an admin.</summary>
    private static async Task<(string[] Bearers, string Pages)> SyncAndRenderAsync(SandboxApp app, HttpClient admin)
    {
        var clientId = app.Services.GetRequiredService<IConfiguration>()["Port:ClientId"]!;
        var full = await app.RunFullSyncAsync();
        var firstBearer = app.Sandbox.IssueToken(clientId).Token;
        app.Sandbox.ExpireAllTokens();
        var single = await app.RunSingleUserSyncAsync(app.Sandbox.SeedSummary.People[0].HiBobEmails.First(e => e is not null)!);
        var missing = await app.RunSingleUserSyncAsync("nobody@example.com");
        var secondBearer = app.Sandbox.IssueToken(clientId).Token;
        Assert.Equal(SyncRunStatus.Succeeded, full.Status);
        Assert.Equal(SyncRunStatus.Succeeded, single.Status);
        Assert.Equal(SyncRunStatus.Failed, missing.Status);
        Assert.NotEqual(firstBearer, secondBearer);

        string[] paths =
        [
            "/", "/people", "/review", "/runs", $"/runs/{full.Id}", $"/runs/{missing.Id}", "/audit", "/decisions",
            "/settings", "/people/export.csv", "/audit/export.csv", "/hangfire", "/hangfire/jobs/succeeded", "/hangfire/jobs/failed",
            "/signin", "/account/password",
        ];
        var pages = new StringBuilder();
        foreach (var path in paths)
        {
            using var response = await admin.GetAsync(new Uri(path, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
            pages.AppendLine(await response.Content.ReadAsStringAsync());
        }

        return ([firstBearer, secondBearer], pages.ToString());
    }

    // The scan is only worth something if the HTTP traffic, headers included, was logged.
    private static void AssertLogsAreWorthScanning(List<string> lines)
    {
        Assert.Contains(lines, line => line.Contains("Request Headers", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("Authorization", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Bearer sbx.", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("Authorization: Basic", StringComparison.OrdinalIgnoreCase));
    }

    private static void AssertNowhere(string[] secrets, List<string> lines, string database, string jobs, string pages)
    {
        Assert.Contains("Succeeded", database, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(jobs), "No job arguments were found to scan.");
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, database, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, jobs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, pages, StringComparison.Ordinal);
        }
    }

    /// <summary>Every value of every table, the compressed snapshot unpacked.</summary>
    private static async Task<string> DatabaseTextAsync(SandboxApp app)
    {
        var text = new StringBuilder();
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "hibobadmin.db")}");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        Assert.Contains("DashboardAccounts", tables);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    text.AppendLine(reader.GetValue(i) switch
                    {
                        byte[] bytes => Unpacked(bytes),
                        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                    });
                }
            }
        }

        return text.ToString();
    }

    private static string Unpacked(byte[] bytes)
    {
        if (bytes is not [0x1f, 0x8b, ..])
        {
            return Encoding.UTF8.GetString(bytes);
        }

        using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string JobArguments(SandboxApp app)
    {
        var monitoring = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var jobs = monitoring.SucceededJobs(0, 1000).Select(j => j.Value.Job)
            .Concat(monitoring.FailedJobs(0, 1000).Select(j => j.Value.Job));
        return string.Join('\n', jobs.Where(j => j is not null).SelectMany(j => j!.Args).Select(a => a?.ToString()));
    }
}
