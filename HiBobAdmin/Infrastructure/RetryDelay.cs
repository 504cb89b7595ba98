using System.Globalization;

namespace HiBobAdmin.Infrastructure;

/// <summary>
/// Reads how long a vendor asked us to wait before trying again. Shared by the HiBob and Port clients.
/// </summary>
public static class RetryDelay
{
    // x-ratelimit-reset is documented by Port as an epoch, but Port's own Terraform provider reads it as seconds;
    // HiBob's third-party docs call it an epoch. A value this large cannot be a sensible delay, so it is an epoch.
    private const long EpochThreshold = 1_000_000_000;

    /// <summary>
    /// The delay the response asks for: <c>Retry-After</c> (seconds or an HTTP date) first, then
    /// <c>X-RateLimit-Reset</c> (epoch seconds when large, seconds to wait when small). Null when neither is usable.
    /// </summary>
    public static TimeSpan? FromResponse(HttpResponseMessage response, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(time);

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return NonNegative(delta);
        }

        if (retryAfter?.Date is { } date)
        {
            return NonNegative(date - time.GetUtcNow());
        }

        if (response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
            && long.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            return reset >= EpochThreshold
                ? NonNegative(DateTimeOffset.FromUnixTimeSeconds(reset) - time.GetUtcNow())
                : NonNegative(TimeSpan.FromSeconds(reset));
        }

        return null;
    }

    private static TimeSpan NonNegative(TimeSpan value) => value < TimeSpan.Zero ? TimeSpan.Zero : value;
}
