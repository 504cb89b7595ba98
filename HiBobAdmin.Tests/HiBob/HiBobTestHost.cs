using System.Net;
using System.Text.Json;
using HiBobAdmin.HiBob;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.HiBob;

/// <summary>
/// The HiBob client exactly as the app registers it (AddHiBob), with the stub as primary handler and a fake clock.
/// </summary>
internal sealed class HiBobTestHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;
    private readonly IServiceScope _scope;

    public HiBobTestHost(
        Func<RecordedRequest, int, HttpResponseMessage> respond,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null,
        ObservedTimeProvider? time = null)
    {
        Stub = new StubHttpHandler(respond);
        Time = time ?? new ObservedTimeProvider(Start);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>
            {
                ["HiBob:ServiceUserId"] = "SERVICE-USER-123",
                ["HiBob:ServiceUserToken"] = "t0k3n",
            })
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddHiBob();
        services.AddHttpClient(HiBobServiceCollectionExtensions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Stub);
        configure?.Invoke(services);

        _provider = services.BuildServiceProvider(new ServiceProviderOptions
        {
            ValidateScopes = true,
            ValidateOnBuild = true,
        });
        _scope = _provider.CreateScope();
    }

    public StubHttpHandler Stub { get; }

    public ObservedTimeProvider Time { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public IServiceProvider Services => _scope.ServiceProvider;

    public IHiBobDirectory Directory => Services.GetRequiredService<IHiBobDirectory>();

    public IHiBobApi Api => Services.GetRequiredService<IHiBobApi>();

    public static HttpResponseMessage Json(HttpStatusCode status, string json) => StubHttpHandler.Json(status, json);

    public static HttpResponseMessage Status(HttpStatusCode status, string? retryAfterSeconds = null)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(string.Empty) };
        if (retryAfterSeconds is not null)
        {
            response.Headers.Add("Retry-After", retryAfterSeconds);
        }

        return response;
    }

    /// <summary>An employee carrying every requested field, in the nested machine form.</summary>
    public static object FullEmployee(string id, string? email, string status = "Active") =>
        new
        {
            id,
            email,
            firstName = "Ada",
            surname = "Active",
            displayName = "Ada Active",
            fullName = "Ada Active",
            avatarUrl = (string?)null,
            coverImageUrl = (string?)null,
            companyId = 654321,
            creationDateTime = "2024-03-27T09:12:21.680867",
            work = new
            {
                isManager = true,
                durationOfEmployment = new { periodISO = "P2Y1M3D", sortFactor = 764, humanize = "2 years" },
                department = "209192163",
                title = "209192170",
            },
            @internal = new { status, lifecycleStatus = "employed", terminationDate = (string?)null },
        };

    public static string Employees(params object[] employees) => JsonSerializer.Serialize(new { employees });

    public void Dispose()
    {
        _scope.Dispose();
        _provider.Dispose();
    }
}
