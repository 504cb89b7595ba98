using System.Net.Http.Headers;
using System.Text;
using Hangfire;
using HiBobAdmin.Port;
using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;
using HiBobAdmin.Security.Webhooks;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.Api;

/// <summary>
/// The whole sandbox app with three API keys (one per role) and a HiBob webhook secret. Jobs are recorded, not
/// run, so a queued sync stays queued: a second request meets it as the running one.
/// </summary>
public sealed class ApiAppFixture : IAsyncLifetime
{
    public const string ViewerKey = "hba_viewer-key-for-tests-0000000000000000000000";
    public const string OperatorKey = "hba_operator-key-for-tests-000000000000000000000";
    public const string AdminKey = "hba_admin-key-for-tests-0000000000000000000000000";
    public const string HiBobSecret = "hibob-webhook-secret-for-tests";

    private SandboxApp? _app;

    public SandboxApp App => _app ?? throw new InvalidOperationException("The fixture has not started.");

    internal RecordingJobClient Jobs { get; } = new();

    internal CapturingLoggerProvider Logs { get; } = new();

    public string PortSecret => App.Services.GetRequiredService<IOptions<PortOptions>>().Value.ClientSecret!;

    public async Task InitializeAsync()
    {
        _app = await SandboxApp.StartAsync(
            new Dictionary<string, string?>
            {
                ["Api:Keys:0:Name"] = "dashboard-reader",
                ["Api:Keys:0:Hash"] = ApiKeyHasher.Hash(ViewerKey),
                ["Api:Keys:0:Role"] = Roles.Viewer,
                ["Api:Keys:1:Name"] = "ops-bot",
                ["Api:Keys:1:Hash"] = ApiKeyHasher.Hash(OperatorKey),
                ["Api:Keys:1:Role"] = Roles.HrAdmin,
                ["Api:Keys:2:Name"] = "platform",
                ["Api:Keys:2:Hash"] = ApiKeyHasher.Hash(AdminKey).ToUpperInvariant(),
                ["Api:Keys:2:Role"] = Roles.PlatformAdmin,
                ["HiBob:WebhookSecret"] = HiBobSecret,
            },
            services =>
            {
                services.AddSingleton<IBackgroundJobClient>(Jobs);
                services.AddSingleton<ILoggerProvider>(Logs);
            });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    public HttpClient Client(string? apiKey = null)
    {
        var client = new HttpClient { BaseAddress = App.DashboardUri };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add(ApiKeyDefaults.HeaderName, apiKey);
        }

        return client;
    }

    /// <summary>A Port automation delivery signed as Port signs it, at <paramref name="timestamp"/>.</summary>
    public HttpRequestMessage PortDelivery(string body, DateTimeOffset timestamp, string? secret = null)
    {
        var seconds = timestamp.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/port")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(PortSignatureVerifier.TimestampHeader, seconds);
        request.Headers.Add(
            PortSignatureVerifier.SignatureHeader,
            "v1," + PortSignatureVerifier.Sign(secret ?? PortSecret, seconds, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    /// <summary>A HiBob delivery; signed with the configured secret unless told otherwise.</summary>
    public static HttpRequestMessage HiBobDelivery(string body, string? signature = "")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/hibob")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            request.Headers.Add(
                HiBobSignatureVerifier.SignatureHeader,
                signature.Length == 0 ? HiBobSignatureVerifier.Sign(HiBobSecret, Encoding.UTF8.GetBytes(body)) : signature);
        }

        return request;
    }

    /// <summary>The body Port sends for a new <c>_user</c> with the automation in README.</summary>
    public static string PortUserCreatedBody(string email) => """
        {"event":{"action":"CREATE","resourceType":"entity",
          "context":{"blueprintIdentifier":"_user","entityIdentifier":"EMAIL","propertyIdentifier":null},
          "diff":{"before":null,"after":{"identifier":"EMAIL","title":"New Hire","blueprint":"_user","team":[],
            "properties":{"status":"Staged","port_role":"Member","port_type":"Standard"},"relations":{}}}}}
        """.Replace("EMAIL", email, StringComparison.Ordinal);

    public static string HiBobEventBody(string type, string employeeId) =>
        $$$"""{"companyId":123456,"type":"{{{type}}}","triggeredBy":"system","triggeredAt":"2026-01-31T00:00:03.123456","version":"v2","data":{"employeeId":"{{{employeeId}}}"}}""";
}
