namespace HiBobAdmin.Sandbox;

/// <summary>
/// What the fault injector decided for one request: the status to answer (null to answer normally), whether the
/// request is served first and its answer then replaced (a lost answer), and extra latency.
/// </summary>
internal sealed record SandboxFault(int? StatusCode, bool ServeFirst, int ExtraLatencyMs, bool ExpireTokens)
{
    public static readonly SandboxFault None = new(null, false, 0, false);
}
