namespace HiBobAdmin.Matching;

/// <summary>
/// The decisions admins made by hand, with the moment the reconciler judges expiry at: passing the clock in keeps
/// the reconciler pure and lets tests move time.
/// </summary>
public sealed record ManualDecisions(
    IReadOnlyList<ManualLink> Links,
    IReadOnlyList<IgnoreEntry> Ignores,
    DateTimeOffset Now)
{
    public static ManualDecisions None { get; } = new([], [], DateTimeOffset.MinValue);
}
