namespace HiBobAdmin.Storage;

/// <summary>SQL LIKE patterns for a search box: the term's own wildcards are escaped so "50%" means the text "50%".</summary>
public static class LikePattern
{
    /// <summary>The escape character to pass to <c>EF.Functions.Like</c> with a pattern from here.</summary>
    public const string Escape = @"\";

    /// <summary>Matches values that contain <paramref name="term"/> (SQLite ignores the case of ASCII letters).</summary>
    public static string Containing(string term)
    {
        ArgumentNullException.ThrowIfNull(term);
        return "%" + term.Trim()
            .Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal) + "%";
    }
}
