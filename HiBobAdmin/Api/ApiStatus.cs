namespace HiBobAdmin.Api;

/// <summary>The answer of <c>GET /api/status</c>.</summary>
/// <param name="SnapshotReadAt">When both sides were last read.</param>
/// <param name="Counts">People per link status, every status listed (zero included).</param>
/// <param name="ServiceAccounts">Port service accounts, which are never matched.</param>
/// <param name="LastRun">The most recently queued run, or null before the first.</param>
public sealed record ApiStatus(
    DateTimeOffset SnapshotReadAt,
    IReadOnlyDictionary<string, int> Counts,
    int ServiceAccounts,
    ApiRun? LastRun);
