namespace HiBobAdmin.Security;

/// <summary>Names of the rate-limiting policies; endpoints name one of these, the limits live with the registration.</summary>
public static class RateLimitPolicies
{
    /// <summary>Sign-in attempts, per client address.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Inbound Port and HiBob webhooks, per client address.</summary>
    public const string Webhooks = "webhooks";

    /// <summary>The REST API, per API key.</summary>
    public const string Api = "api";
}
