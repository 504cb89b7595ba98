using System.Net;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace HiBobAdmin.Port;

/// <summary>
/// Retries for every Port call: 408, 429, 500, 502, 503, 504, network errors and attempt timeouts. POST is retried
/// too: the routes we POST to are searches and idempotent upserts. The wait is what Port asked for
/// (<c>Retry-After</c>, <c>x-ratelimit-reset</c>), else exponential backoff with jitter from
/// <see cref="PortOptions.FirstRetryDelayMs"/> (a wait of zero counts as none named: docs/decisions/0040). All waits of
/// one request together stay within <see cref="BackoffBudget"/>; past it the last answer is returned (B08).
/// </summary>
internal static class PortResilience
{
    public const int MaxRetryAttempts = 10;

    public static readonly TimeSpan BackoffBudget = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(60);

    public static readonly TimeSpan TotalTimeout = TimeSpan.FromMinutes(8);

    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private static readonly ResiliencePropertyKey<TimeSpan> SpentKey = new("HiBobAdmin.Port.BackoffSpent");
    private static readonly ResiliencePropertyKey<TimeSpan> NextDelayKey = new("HiBobAdmin.Port.NextDelay");

    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(services);

        var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
        var firstBackoff = TimeSpan.FromMilliseconds(
            services.GetRequiredService<IOptionsMonitor<PortOptions>>().CurrentValue.FirstRetryDelayMs);
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PortResilience).FullName!);

        // Set explicitly so that a FakeTimeProvider in DI drives every wait and timeout.
        builder.TimeProvider = time;
        builder
            .AddTimeout(TotalTimeout)
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = MaxRetryAttempts,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args, firstBackoff, time, logger)),
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Context.Properties.GetValue(NextDelayKey, firstBackoff)),
                OnRetry = args =>
                {
                    var spent = args.Context.Properties.GetValue(SpentKey, TimeSpan.Zero) + args.RetryDelay;
                    args.Context.Properties.Set(SpentKey, spent);
                    var request = args.Outcome.Result?.RequestMessage;
                    PortLog.Retrying(
                        logger,
                        request?.Method.Method,
                        request?.RequestUri?.AbsolutePath,
                        Describe(args.Outcome),
                        args.AttemptNumber + 1,
                        args.RetryDelay);
                    args.Outcome.Result?.Dispose();
                    return default;
                },
            })
            .AddTimeout(AttemptTimeout);
    }

    internal static bool IsTransient(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is HttpRequestException or TimeoutRejectedException
        || outcome.Result?.StatusCode is HttpStatusCode.RequestTimeout
            or HttpStatusCode.TooManyRequests
            or HttpStatusCode.InternalServerError
            or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable
            or HttpStatusCode.GatewayTimeout;

    /// <summary>Exponential from <paramref name="first"/>, capped at <see cref="MaxBackoff"/>, ±20 % jitter.</summary>
    internal static TimeSpan Backoff(int attemptNumber, TimeSpan first)
    {
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(attemptNumber, 16));
        var capped = Math.Min(exponential, MaxBackoff.TotalMilliseconds);
        var jitter = 0.8 + (Random.Shared.NextDouble() * 0.4);
        return TimeSpan.FromMilliseconds(capped * jitter);
    }

    /// <summary>
    /// The wait Port named in <paramref name="response"/>, or null when it named none (docs/decisions/0040):
    /// <c>Retry-After</c> when above zero (a zero wait from every paused batch at once would be a burst straight back
    /// into the limit); <c>x-ratelimit-reset</c> only when <c>x-ratelimit-remaining</c> is 0. Port sends the reset on
    /// every answer as the end of its 5-minute window, so on a 503 with quota left it says nothing about when to retry.
    /// </summary>
    internal static TimeSpan? RequestedDelay(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);

        if (response.Headers.RetryAfter is not null)
        {
            return RetryDelay.FromResponse(response, time) is { } asked && asked > TimeSpan.Zero ? asked : null;
        }

        var exhausted = response.Headers.TryGetValues("x-ratelimit-remaining", out var remaining)
            && remaining.FirstOrDefault()?.Trim() == "0";
        return exhausted && RetryDelay.FromResponse(response, time) is { } reset && reset > TimeSpan.Zero ? reset : null;
    }

    private static bool ShouldRetry(
        RetryPredicateArguments<HttpResponseMessage> args,
        TimeSpan firstBackoff,
        TimeProvider time,
        ILogger logger)
    {
        if (!IsTransient(args.Outcome))
        {
            return false;
        }

        var delay = (args.Outcome.Result is { } response ? RequestedDelay(response, time) : null)
            ?? Backoff(args.AttemptNumber, firstBackoff);
        var spent = args.Context.Properties.GetValue(SpentKey, TimeSpan.Zero);
        if (spent + delay > BackoffBudget)
        {
            var request = args.Outcome.Result?.RequestMessage;
            PortLog.RetryBudgetExhausted(
                logger,
                request?.Method.Method,
                request?.RequestUri?.AbsolutePath,
                Describe(args.Outcome),
                delay,
                spent);
            return false;
        }

        args.Context.Properties.Set(NextDelayKey, delay);
        return true;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result is { } response
            ? ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture)
            : outcome.Exception?.GetType().Name ?? "no answer";
}
