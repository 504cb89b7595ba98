using System.Security.Claims;
using HiBobAdmin.Security.ApiKeys;

namespace HiBobAdmin.Api;

/// <summary>"Who" for what an API key does: <c>api:&lt;key name&gt;</c> on runs and audit entries.</summary>
public static class ApiActor
{
    public static string Of(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return ApiKeyDefaults.ActorPrefix + (user.Identity?.Name ?? "unknown");
    }
}
