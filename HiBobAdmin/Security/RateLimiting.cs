using System.Security.Cryptography;
using System.Text;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security;

/// <summary>
/// The policies named in <see cref="RateLimitPolicies"/>: fixed one-minute windows, per client address (per API key
/// for the API). A refused request gets 429 with Retry-After. Endpoints opt in with <c>RequireRateLimiting</c>.
/// </summary>
public static class RateLimiting
{
    public const string ApiKeyHeader = "X-Api-Key";

    public static IServiceCollection AddHiBobAdminRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>()
            .BindConfiguration(RateLimitOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                return ValueTask.CompletedTask;
            };
            limiter.AddPolicy(RateLimitPolicies.SignIn, http => PerMinute(ClientAddress(http), limits.Value.SignInPerMinute));
            limiter.AddPolicy(RateLimitPolicies.Webhooks, http => PerMinute(ClientAddress(http), limits.Value.WebhooksPerMinute));
            limiter.AddPolicy(RateLimitPolicies.Api, http => PerMinute(ApiCaller(http), limits.Value.ApiPerMinute));
        });
        return services;
    }

    private static RateLimitPartition<string> PerMinute(string key, int permits) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    // The key itself is a secret: the limiter holds a hash of it, never the value.
    private static string ApiCaller(HttpContext http) =>
        http.Request.Headers[ApiKeyHeader].ToString() is { Length: > 0 } key
            ? "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))
            : "address:" + ClientAddress(http);
}
