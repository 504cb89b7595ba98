using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security.ApiKeys;

/// <summary>
/// Authenticates a request by its <c>X-Api-Key</c> header against the configured key hashes. The principal carries
/// the key's name and role, so the same role policies guard pages and API endpoints. Challenges and refusals are
/// answered as ProblemDetails; the key itself is never logged or echoed.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<ApiKeyOptions> keys,
    IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKeyDefaults.HeaderName, out var values) || values.Count == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var presented = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(presented))
        {
            return Task.FromResult(AuthenticateResult.Fail("Send exactly one X-Api-Key header."));
        }

        // Every configured hash is compared, so the time taken does not tell which entry came close.
        ApiKeyEntry? match = null;
        foreach (var entry in keys.CurrentValue.Keys)
        {
            if (ApiKeyHasher.Matches(presented, entry.Hash))
            {
                match = entry;
            }
        }

        if (match is null)
        {
            LogUnknownKey(Logger);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not known."));
        }

        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, match.Name), new Claim(ClaimTypes.Role, match.Role)],
            ApiKeyDefaults.Scheme);
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(identity), ApiKeyDefaults.Scheme);
        return Task.FromResult(AuthenticateResult.Success(ticket));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{ApiKeyDefaults.Scheme} header=\"{ApiKeyDefaults.HeaderName}\"";
        await WriteProblemAsync(
            StatusCodes.Status401Unauthorized,
            "API key required",
            $"Send a valid API key in the {ApiKeyDefaults.HeaderName} header.");
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await WriteProblemAsync(
            StatusCodes.Status403Forbidden,
            "Role too weak",
            "This API key's role does not allow this operation.");
    }

    private async Task WriteProblemAsync(int status, string title, string detail)
    {
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Warning, Message = "An API request carried an unknown API key")]
    private static partial void LogUnknownKey(ILogger logger);
}
