using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hangfire;
using HiBobAdmin.Audit;
using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;
using HiBobAdmin.Security.Webhooks;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.Api;

/// <summary>
/// After syncs started through the API and both webhooks (run for real by Hangfire), no API key, webhook secret or
/// signature appears in the logs at Trace level, the stored runs, the audit log, Hangfire's job data or any answer.
/// </summary>
[Collection(WholeApp.Name)]
public sealed class ApiSecretScanTests
{
    private const string ApiKey = "hba_scan-key-Qx81Lm0000000000000000000000000000000";
    private const string WrongKey = "hba_wrong-key-Pz55Jk000000000000000000000000000000";
    private const string HiBobSecret = "hibob-webhook-secret-Wd93Rt";
    private const string PortSecret = "port-secret-Mn46Vb";

    [Fact]
    public async Task KeysSecretsAndSignatures_NeverReachLogsRunsAuditJobsOrAnswers()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await SandboxApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Api:Keys:0:Name"] = "scanner",
                ["Api:Keys:0:Hash"] = ApiKeyHasher.Hash(ApiKey),
                ["Api:Keys:0:Role"] = Roles.HrAdmin,
                ["HiBob:WebhookSecret"] = HiBobSecret,
                ["Sandbox:PortClientSecret"] = PortSecret,
                ["Logging:LogLevel:Default"] = "Trace",
                ["Logging:LogLevel:Microsoft"] = "Trace",
                ["Logging:LogLevel:Hangfire"] = "Trace",
            },
            overrideServices: services => services.AddSingleton<ILoggerProvider>(logs));
        var email = app.Sandbox.SeedSummary.People[0].HiBobEmails.First(e => e is not null)!;
        using var client = new HttpClient { BaseAddress = app.DashboardUri };
        client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, ApiKey);
        using var stranger = new HttpClient { BaseAddress = app.DashboardUri };
        stranger.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, WrongKey);
        var answers = new StringBuilder();

        var full = await SendAsync(client, new HttpRequestMessage(HttpMethod.Post, "/api/sync"), answers);
        await app.WaitForRunAsync(full.GetProperty("runId").GetGuid());
        await SendAsync(stranger, new HttpRequestMessage(HttpMethod.Get, "/api/status"), answers);

        var portBody = ApiAppFixture.PortUserCreatedBody(email);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var portSignature = "v1," + PortSignatureVerifier.Sign(PortSecret, timestamp, Encoding.UTF8.GetBytes(portBody));
        var port = await SendAsync(stranger, PortDelivery(portBody, timestamp, portSignature), answers);
        await app.WaitForRunAsync(port.GetProperty("runId").GetGuid());
        await SendAsync(stranger, PortDelivery(portBody, timestamp, portSignature), answers);

        var employeeId = app.Sandbox.SeedSummary.People.First(p => p.EmployeeIds.Count > 0 && p.HiBobEmails[0] != email).EmployeeIds[0];
        var hibobBody = ApiAppFixture.HiBobEventBody("employee.updated", employeeId);
        var hibobSignature = HiBobSignatureVerifier.Sign(HiBobSecret, Encoding.UTF8.GetBytes(hibobBody));
        using var hibobRequest = ApiAppFixture.HiBobDelivery(hibobBody, hibobSignature);
        var hibob = await SendAsync(stranger, hibobRequest, answers);
        await app.WaitForRunAsync(hibob.GetProperty("runId").GetGuid());

        var lines = logs.Entries.Select(e => e.ToString()).ToList();
        var stored = await StoredTextAsync(app);
        var jobs = JobArguments(app);
        Assert.Contains(lines, line => line.Contains("unknown API key", StringComparison.Ordinal));
        Assert.Contains("api:scanner", stored, StringComparison.Ordinal);
        Assert.Contains("webhook:port", stored, StringComparison.Ordinal);
        Assert.Contains("webhook:hibob", stored, StringComparison.Ordinal);
        string[] secrets = [ApiKey, WrongKey, ApiKeyHasher.Hash(ApiKey), HiBobSecret, PortSecret, portSignature[3..], hibobSignature];
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(lines, line => line.Contains(secret, StringComparison.Ordinal));
            Assert.DoesNotContain(secret, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, jobs, StringComparison.Ordinal);
            Assert.DoesNotContain(secret, answers.ToString(), StringComparison.Ordinal);
        }
    }

    private static HttpRequestMessage PortDelivery(string body, string timestamp, string signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/port")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(PortSignatureVerifier.TimestampHeader, timestamp);
        request.Headers.Add(PortSignatureVerifier.SignatureHeader, signature);
        return request;
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpRequestMessage request, StringBuilder answers)
    {
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        answers.AppendLine(response.Headers.ToString()).AppendLine(text);
        return response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Accepted
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
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

        var audit = await app.Services.GetRequiredService<AuditLog>().PageAsync(new AuditCriteria(), 0, 100, CancellationToken.None);
        foreach (var entry in audit.Items)
        {
            text.AppendLine(entry.Actor).AppendLine(entry.Subject).AppendLine(entry.Detail);
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
