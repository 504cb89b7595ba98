using HiBobAdmin.Port;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Port;

/// <summary>
/// The real Port registration (<see cref="PortServiceCollectionExtensions.AddPort"/>) with the stub as the primary
/// handler of both named clients and a fake clock as the app's <see cref="TimeProvider"/>.
/// </summary>
internal sealed class PortTestHost : IDisposable
{
    public const string ClientId = "client-id-123";
    public const string ClientSecret = "client-secret-do-not-leak";

    public PortTestHost(
        Func<RecordedRequest, int, HttpResponseMessage> respond,
        ObservableClock? clock = null,
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? configure = null)
    {
        Clock = clock ?? new ObservableClock();
        Stub = new StubHttpHandler(respond);

        var values = new Dictionary<string, string?>
        {
            ["Port:ClientId"] = ClientId,
            ["Port:ClientSecret"] = ClientSecret,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPort();
        services.AddHttpClient(PortServiceCollectionExtensions.ApiClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Stub);
        services.AddHttpClient(PortServiceCollectionExtensions.AuthClientName)
            .ConfigurePrimaryHttpMessageHandler(() => Stub);
        configure?.Invoke(services);
        Services = services.BuildServiceProvider(validateScopes: true);
    }

    public ObservableClock Clock { get; }

    public StubHttpHandler Stub { get; }

    public ServiceProvider Services { get; }

    public IPortCatalog Catalog => Services.GetRequiredService<IPortCatalog>();

    public IReadOnlyList<RecordedRequest> TokenRequests => [.. Stub.Requests.Where(PortStub.IsTokenRequest)];

    public IReadOnlyList<RecordedRequest> ApiRequests => [.. Stub.Requests.Where(r => !PortStub.IsTokenRequest(r))];

    public void Dispose() => Services.Dispose();
}
