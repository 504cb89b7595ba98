namespace HiBobAdmin.Matching;

/// <summary>
/// A Port user an admin marked as expected without an employee (a contractor, a service login, a test account).
/// It stays out of the review queue until <see cref="ExpiresAt"/>, then returns by itself.
/// </summary>
/// <param name="PortUserIdentifier">The <c>_user</c> identifier as Port spells it.</param>
/// <param name="Reason">Why the user is expected, in the admin's words.</param>
/// <param name="ExpiresAt">The moment the entry stops applying.</param>
/// <param name="CreatedBy">Who made the entry.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record IgnoreEntry(
    string PortUserIdentifier,
    string Reason,
    DateTimeOffset ExpiresAt,
    string CreatedBy,
    DateTimeOffset CreatedAt)
{
    public bool AppliesAt(DateTimeOffset now) => now < ExpiresAt;
}
