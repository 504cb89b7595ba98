using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// The endpoint filter in front of every sandbox route: request audit, Port's rate-limit headers, latency, injected
/// faults and authentication, in that order. Port's token route gets no faults and needs no token.
/// </summary>
internal static class SandboxPipeline
{
    public const string CredentialItem = "Sandbox.HiBobCredential";

    /// <summary>Where a bulk write leaves the entities it applied, for the write ledger.</summary>
    public const string WritesItem = "Sandbox.WrittenEntities";

    private const string TokenRoute = "/v1/auth/access_token";

    public static async ValueTask<object?> InvokeAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next,
        SandboxApi api)
    {
        var http = context.HttpContext;
        var state = http.RequestServices.GetRequiredService<SandboxState>();
        var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText
            ?? http.Request.Path.Value
            ?? string.Empty;
        var status = StatusCodes.Status500InternalServerError;
        try
        {
            var result = await RunAsync(context, next, api, state, route);
            status = result is IStatusCodeHttpResult { StatusCode: { } code } ? code : StatusCodes.Status200OK;
            return result;
        }
        finally
        {
            state.RecordRequest(new SandboxRequestKey(http.Request.Method, route, status));
        }
    }

    public static IResult HiBobError(int statusCode, string key, string error) =>
        Results.Json(new JsonObject { ["key"] = key, ["error"] = error }, statusCode: statusCode);

    public static IResult PortResult(PortOutcome outcome) => Results.Json(outcome.Body, statusCode: outcome.StatusCode);

    private static async ValueTask<object?> RunAsync(
        EndpointFilterInvocationContext context,
        EndpointFilterDelegate next,
        SandboxApi api,
        SandboxState state,
        string route)
    {
        var http = context.HttpContext;
        if (api == SandboxApi.Port)
        {
            var (period, limit, remaining, reset) = state.ConsumePortRequest();
            var headers = http.Response.Headers;
            headers["x-ratelimit-period"] = Invariant(period);
            headers["x-ratelimit-limit"] = Invariant(limit);
            headers["x-ratelimit-remaining"] = Invariant(remaining);
            headers["x-ratelimit-reset"] = Invariant(reset);
        }

        if (state.LatencyMs is > 0 and var latency)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(latency), state.Time, http.RequestAborted);
        }

        var isTokenRoute = api == SandboxApi.Port && route.EndsWith(TokenRoute, StringComparison.Ordinal);
        if (isTokenRoute)
        {
            return await next(context);
        }

        var path = http.Request.Path.Value ?? string.Empty;
        var fault = state.DrawFault(api, path);
        if (fault.ExtraLatencyMs > 0)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.ExtraLatencyMs), state.Time, http.RequestAborted);
        }

        if (fault is { StatusCode: { } early, ServeFirst: false })
        {
            SandboxLog.FaultInjected(state.Logger, early, http.Request.Method, path);
            return Fault(http, api, early, state.RetryAfterSeconds);
        }

        var refusal = api == SandboxApi.HiBob ? AuthenticateHiBob(http, state) : AuthenticatePort(http, state);
        if (refusal is not null)
        {
            SandboxLog.Refused(state.Logger, http.Request.Method, path, "credentials");
            return refusal;
        }

        var result = await next(context);
        var writes = http.Items[WritesItem] as WrittenEntities;
        if (fault is { StatusCode: { } late, ServeFirst: true })
        {
            writes?.Record(state, answered: false);
            SandboxLog.FaultInjected(state.Logger, late, http.Request.Method, path);
            return Fault(http, api, late, state.RetryAfterSeconds);
        }

        writes?.Record(state, answered: true);
        return result;
    }

    private static IResult Fault(HttpContext http, SandboxApi api, int statusCode, int retryAfterSeconds)
    {
        var (code, message) = statusCode switch
        {
            StatusCodes.Status429TooManyRequests => ("too_many_requests", "Too many requests (sandbox fault)."),
            StatusCodes.Status503ServiceUnavailable => ("service_unavailable", "Service unavailable (sandbox fault)."),
            _ => ("sandbox_fault", "Failure injected by the sandbox."),
        };
        if (statusCode == StatusCodes.Status429TooManyRequests)
        {
            http.Response.Headers.RetryAfter = Invariant(retryAfterSeconds);
        }

        return api == SandboxApi.HiBob
            ? HiBobError(statusCode, code, message)
            : PortResult(PortOutcome.Error(statusCode, code, message));
    }

    private static IResult? AuthenticateHiBob(HttpContext http, SandboxState state)
    {
        var options = state.Options;
        if (AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase)
            && DecodeBasic(header.Parameter) is { } credentials
            && string.Equals(credentials.Id, options.HiBobServiceUserId, StringComparison.Ordinal)
            && string.Equals(credentials.Token, options.HiBobServiceUserToken, StringComparison.Ordinal))
        {
            http.Items[CredentialItem] = credentials.Id;
            return null;
        }

        return HiBobError(
            StatusCodes.Status401Unauthorized,
            "unauthorized",
            "Missing or wrong service-user credentials (Basic base64(id:token)).");
    }

    private static (string Id, string Token)? DecodeBasic(string? parameter)
    {
        if (parameter is null)
        {
            return null;
        }

        var bytes = new byte[parameter.Length];
        if (!Convert.TryFromBase64String(parameter, bytes, out var length))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? null : (text[..colon], text[(colon + 1)..]);
    }

    private static IResult? AuthenticatePort(HttpContext http, SandboxState state)
    {
        if (!AuthenticationHeaderValue.TryParse(http.Request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Bearer", StringComparison.OrdinalIgnoreCase)
            || string.IsNullOrEmpty(header.Parameter))
        {
            return PortResult(PortOutcome.Error(401, "unauthorized", "Missing bearer token."));
        }

        return state.CheckToken(header.Parameter) switch
        {
            PortTokenCheck.Valid => null,
            PortTokenCheck.Expired =>
                PortResult(PortOutcome.Error(401, "token_expired", "The access token has expired.")),
            _ => PortResult(PortOutcome.Error(401, "unauthorized", "The access token is not valid.")),
        };
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
