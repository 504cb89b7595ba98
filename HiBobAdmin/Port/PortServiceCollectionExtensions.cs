using System.Net;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace HiBobAdmin.Port;

/// <summary>Wires the Port client: options, token handling, resilience and <see cref="IPortCatalog"/>.</summary>
public static class PortServiceCollectionExtensions
{
    /// <summary>Name of the HTTP client behind the Port API routes (for tests and handler configuration).</summary>
    public const string ApiClientName = "Port";

    /// <summary>Name of the HTTP client behind <c>POST /v1/auth/access_token</c>.</summary>
    public const string AuthClientName = "PortAuth";

    /// <summary>
    /// Registers the Port client. Binds <see cref="PortOptions"/> from <c>Port</c> and <see cref="PortWriteOptions"/>
    /// from <c>Sync</c>, validated at startup. The base address is read each time a client is built, so the host may
    /// post-configure <see cref="PortOptions"/> (sandbox mode) after this call.
    /// </summary>
    public static IServiceCollection AddPort(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<PortOptions>().BindConfiguration(PortOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PortOptions>, PortOptionsValidator>());
        services.AddOptions<PortWriteOptions>().BindConfiguration(PortWriteOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<PortWriteOptions>, PortWriteOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PortTokenProvider>();
        services.TryAddTransient<PortTokenHandler>();
        services.TryAddSingleton<PortRateLimitGate>();
        services.TryAddTransient<PortRateLimitHandler>();

        var refit = new RefitSettings(new SystemTextJsonContentSerializer(PortJson.Options));

        // Handlers added first sit outside: resilience wraps the token handler, so every retried attempt asks for
        // the token that is current then.
        services.AddRefitGeneratedClient<IPortAuthApi>(refit, AuthClientName)
            .ConfigureHttpClient(ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddResilienceHandler("port-auth", (builder, context) =>
                PortResilience.Configure(builder, context.ServiceProvider));

        var api = services.AddRefitGeneratedClient<IPortApi>(refit, ApiClientName)
            .ConfigureHttpClient(ConfigureClient)
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);
        api.AddResilienceHandler("port", (builder, context) =>
            PortResilience.Configure(builder, context.ServiceProvider));
        api.AddHttpMessageHandler<PortRateLimitHandler>();
        api.AddHttpMessageHandler<PortTokenHandler>();

        services.TryAddTransient<PortEntityReader>();
        services.TryAddTransient<PortBulkWriter>();
        services.TryAddTransient<PortDataModel>();
        services.TryAddTransient<IPortCatalog, PortCatalog>();
        return services;
    }

    private static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        client.BaseAddress = services.GetRequiredService<IOptionsMonitor<PortOptions>>().CurrentValue.GetBaseAddress();

        // The resilience pipeline owns timeouts (per attempt and in total); HttpClient's 100 s would cut retries short.
        client.Timeout = Timeout.InfiniteTimeSpan;
    }

    // Port may compress search answers (its OpenAPI says so).
    private static HttpMessageHandler CreatePrimaryHandler() =>
        new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate };
}
