using System.Net;
using System.Text.Json;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Refit;

namespace HiBobAdmin.HiBob;

/// <summary>Wires the HiBob area: options, the Refit client with auth and resilience, and the directory.</summary>
public static class HiBobServiceCollectionExtensions
{
    /// <summary>Name of the HiBob <see cref="HttpClient"/>; a sandbox or a test may swap its primary handler.</summary>
    public const string HttpClientName = "HiBob";

    public const int MaxRetries = 4;

    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(100);
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    // Never 401/403: HiBob's firewall blocks callers that repeat authorization failures (B05).
    private static readonly HashSet<HttpStatusCode> RetriedStatuses =
    [
        HttpStatusCode.TooManyRequests,
        HttpStatusCode.RequestTimeout,
        HttpStatusCode.InternalServerError,
        HttpStatusCode.BadGateway,
        HttpStatusCode.ServiceUnavailable,
        HttpStatusCode.GatewayTimeout,
    ];

    // Per client, so no other client's settings (e.g. Port's explicit nulls) leak in (B03).
    private static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddHiBob(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        services.AddOptions<HiBobOptions>()
            .BindConfiguration(HiBobOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<HiBobOptions>, HiBobOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddTransient<HiBobAuthHandler>();

        // Refit 16 builds requests by reflection only with the separate Refit.Reflection package; the
        // source-generated client needs nothing extra.
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(SerializerOptions));
        var client = services.AddRefitGeneratedClient<IHiBobApi>(_ => settings, HttpClientName)
            .ConfigureHttpClient(static (provider, client) =>
            {
                // Read at client creation, not at registration: the sandbox post-configures the options.
                var options = provider.GetRequiredService<IOptions<HiBobOptions>>().Value;
                client.BaseAddress = HiBobOptions.NormaliseBaseUrl(options.BaseUrl);

                // The resilience pipeline owns every timeout; HttpClient's own 100 s would cut the total budget.
                client.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(static (handler, _) => EnableDecompression(handler))
            .RedactLoggedHeaders(["Authorization"]);

        // Handlers run outer to inner in the order added: the auth handler sits inside the retries, so every
        // attempt carries the current credentials.
        client.AddResilienceHandler("hibob", static (pipeline, context) => ConfigureResilience(pipeline, context));
        client.AddHttpMessageHandler<HiBobAuthHandler>();

        services.TryAddScoped<IHiBobDirectory, HiBobDirectory>();
        return services;
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or Polly.Timeout.TimeoutRejectedException
        || (outcome.Result is { } response && RetriedStatuses.Contains(response.StatusCode));

    private static void EnableDecompression(HttpMessageHandler handler)
    {
        const DecompressionMethods Methods = DecompressionMethods.GZip | DecompressionMethods.Deflate;
        switch (handler)
        {
            case SocketsHttpHandler sockets:
                sockets.AutomaticDecompression = Methods;
                break;
            case HttpClientHandler classic:
                classic.AutomaticDecompression = Methods;
                break;
        }
    }

    private static void ConfigureResilience(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        ResilienceHandlerContext context)
    {
        // Explicit, so that a FakeTimeProvider registered by a test drives every delay and timeout.
        var time = context.ServiceProvider.GetRequiredService<TimeProvider>();
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>()
            .CreateLogger(typeof(HiBobServiceCollectionExtensions).FullName!);
        pipeline.TimeProvider = time;

        pipeline
            .AddTimeout(TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(1),
                MaxDelay = MaxRetryDelay,
                ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
                DelayGenerator = args => ValueTask.FromResult(RequestedDelay(args.Outcome, time)),
                OnRetry = args =>
                {
                    LogRetry(logger, args);
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(AttemptTimeout);
    }

    // Null falls back to the exponential backoff with jitter; so does a wait of zero, which would retry at once
    // (docs/decisions/0040).
    private static TimeSpan? RequestedDelay(Outcome<HttpResponseMessage> outcome, TimeProvider time) =>
        outcome.Result is { } response && RetryDelay.FromResponse(response, time) is { } delay && delay > TimeSpan.Zero
            ? (delay > MaxRetryDelay ? MaxRetryDelay : delay)
            : null;

    private static void LogRetry(ILogger logger, OnRetryArguments<HttpResponseMessage> args)
    {
        var attempt = args.AttemptNumber + 1;
        if (args.Outcome.Result?.StatusCode == HttpStatusCode.TooManyRequests)
        {
            HiBobLog.RateLimited(logger, attempt, MaxRetries, args.RetryDelay);
            return;
        }

        var outcome = args.Outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : args.Outcome.Exception?.GetType().Name ?? "an unknown failure";
        HiBobLog.RetryScheduled(logger, outcome, attempt, MaxRetries, args.RetryDelay);
    }
}
