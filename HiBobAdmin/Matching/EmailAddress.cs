using System.Text;

namespace HiBobAdmin.Matching;

/// <summary>
/// The two forms of an email address: the clean spelling shown to people, and the normalised form used for matching
/// and as the identifier of a <c>_user</c> the sync creates (docs/decisions/0001-normalised-email-lower-case.md).
/// </summary>
public static class EmailAddress
{
    /// <summary>
    /// Trimmed, composed (Unicode NFC, so a decomposed "zoë" equals a composed one) and lower-cased with the
    /// invariant culture; null when the input is null, empty or blank.
    /// </summary>
    public static string? Normalise(string? email) =>
        Clean(email)?.Normalize(NormalizationForm.FormC).ToLowerInvariant();

    /// <summary>
    /// Why a clean address cannot identify a person, or null when it can: it must have exactly one <c>@</c> with
    /// text on both sides (else a value like "bob" would become a Port account), and no compatibility characters
    /// (the Kelvin sign lower-cases to "k", so "\u212Aim@…" would match kim@…).
    /// </summary>
    public static string? DescribeProblem(string cleanEmail)
    {
        ArgumentNullException.ThrowIfNull(cleanEmail);
        var at = cleanEmail.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == cleanEmail.Length - 1 || cleanEmail.IndexOf('@', at + 1) >= 0)
        {
            return "is not an email address (it needs one @ with text on both sides)";
        }

        if (Ascii.IsValid(cleanEmail))
        {
            // ASCII is unchanged by every normalisation form and has no singletons; most addresses end here.
            return null;
        }

        var composed = cleanEmail.Normalize(NormalizationForm.FormC);
        var lookAlike = !string.Equals(composed, composed.Normalize(NormalizationForm.FormKC), StringComparison.Ordinal)
            || cleanEmail.EnumerateRunes().Any(IsCanonicalSingleton);
        return lookAlike
            ? "contains look-alike characters (such as the Kelvin sign or full-width letters) that could match "
                + "another person's address"
            : null;
    }

    // A character that Unicode replaces by one other character (the Kelvin sign by K, the Ohm sign by Omega): NFC
    // hides it, but a mail server would not deliver it to the look-alike.
    private static bool IsCanonicalSingleton(Rune rune)
    {
        var text = rune.ToString();
        var decomposed = text.Normalize(NormalizationForm.FormD);
        return !string.Equals(decomposed, text, StringComparison.Ordinal)
            && decomposed.EnumerateRunes().Count() == 1;
    }

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
