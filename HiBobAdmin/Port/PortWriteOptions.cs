namespace HiBobAdmin.Port;

/// <summary>
/// The part of configuration section <c>Sync</c> that the Port bulk writer reads. Bound from <c>Sync</c>, so it sits
/// next to the other sync settings in appsettings even though only the writer uses it.
/// </summary>
public sealed class PortWriteOptions
{
    public const string SectionName = "Sync";

    public const int DefaultMaxConcurrentRequests = 4;

    /// <summary><c>Sync:MaxConcurrentRequests</c>: bulk requests in flight at once (1 to 20, default 4).</summary>
    public int MaxConcurrentRequests { get; set; } = DefaultMaxConcurrentRequests;
}
