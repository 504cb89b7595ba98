namespace HiBobAdmin.Security.ApiKeys;

/// <summary>Names shared by the API key scheme, its endpoints and the OpenAPI document.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme API endpoints name; pages never use it.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The request header that carries the key.</summary>
    public const string HeaderName = "X-Api-Key";

    /// <summary>Prefixes the key's name in "who started it", so API runs read <c>api:deploy-bot</c>.</summary>
    public const string ActorPrefix = "api:";
}
