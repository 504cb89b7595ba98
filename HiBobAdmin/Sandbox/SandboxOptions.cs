namespace HiBobAdmin.Sandbox;

/// <summary>
/// Settings of the emulated HiBob and Port APIs (section <c>Sandbox</c>). The credential defaults are public on
/// purpose: the sandbox holds only generated people and is never a real tenant.
/// </summary>
public sealed class SandboxOptions
{
    public const string SectionName = "Sandbox";

    /// <summary>Whether the host maps the sandbox; null lets the host pick (e.g. on in Development).</summary>
    public bool? Enabled { get; set; }

    /// <summary>The HiBob service-user id the sandbox accepts in Basic auth.</summary>
    public string HiBobServiceUserId { get; set; } = "sandbox-service-user";

    /// <summary>The HiBob service-user token the sandbox accepts in Basic auth.</summary>
    public string HiBobServiceUserToken { get; set; } = "sandbox-token";

    /// <summary>The Port client id the token route accepts.</summary>
    public string PortClientId { get; set; } = "sandbox-client-id";

    /// <summary>The Port client secret the token route accepts.</summary>
    public string PortClientSecret { get; set; } = "sandbox-client-secret";

    /// <summary>Seed of the generated organisation and of the fault draws.</summary>
    public int Seed { get; set; } = 42;

    /// <summary>Roughly how many HiBob employee records to seed; 0 starts with an empty organisation.</summary>
    public int EmployeeCount { get; set; } = 300;

    /// <summary>
    /// When set, the HiBob and Port state is read from this JSON file at start (seeded and written when the file
    /// does not exist) and written again after every successful change.
    /// </summary>
    public string? StatePath { get; set; }

    /// <summary>How long a Port access token lives.</summary>
    public int TokenLifetimeSeconds { get; set; } = 10800;

    /// <summary>People searches allowed per service user in one clock minute.</summary>
    public int HiBobSearchLimitPerMinute { get; set; } = 50;

    /// <summary>Injected failures and latency.</summary>
    public SandboxFaultOptions Faults { get; set; } = new();
}
