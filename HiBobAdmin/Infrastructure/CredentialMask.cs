using System.Text.RegularExpressions;

namespace HiBobAdmin.Infrastructure;

/// <summary>
/// Masks Authorization values in text a vendor sent back. A proxy error page may echo the request headers, and such
/// text ends up in messages, run records and logs.
/// </summary>
public static partial class CredentialMask
{
    public static string Apply(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Credential().Replace(text, "$1 ***");
    }

    [GeneratedRegex(@"\b(Basic|Bearer)\s+[A-Za-z0-9+/=._~-]{6,}", RegexOptions.IgnoreCase)]
    private static partial Regex Credential();
}
