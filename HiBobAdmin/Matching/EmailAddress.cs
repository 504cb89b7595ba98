namespace HiBobAdmin.Matching;

/// <summary>
/// The two forms of an email address: the clean spelling shown to people, and the normalised form used for matching
/// and as the identifier of a <c>_user</c> the sync creates (docs/decisions/0001-normalised-email-lower-case.md).
/// </summary>
public static class EmailAddress
{
    /// <summary>
    /// Trimmed and lower-cased with the invariant culture; null when the input is null, empty or blank.
    /// </summary>
    public static string? Normalise(string? email) =>
        Clean(email)?.ToLowerInvariant();

    /// <summary>Trimmed, original spelling kept; null when the input is null, empty or blank.</summary>
    public static string? Clean(string? email)
    {
        if (email is null)
        {
            return null;
        }

        var trimmed = email.Trim();
        return trimmed.Length == 0 ? null : trimmed;
    }
}
