using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace HiBobAdmin.Matching;

/// <summary>
/// Port's rule for entity identifiers, from its OpenAPI spec: <c>^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/=-]+$</c>, at most
/// 1000 characters. Identifiers are checked, never rewritten: a "sanitised" email would be somebody else.
/// </summary>
public static partial class PortIdentifier
{
    /// <summary>The longest identifier Port accepts.</summary>
    public const int MaxLength = 1000;

    /// <summary>True when Port accepts <paramref name="value"/> as an entity identifier.</summary>
    public static bool IsValid(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length <= MaxLength && Pattern().IsMatch(value);
    }

    /// <summary>
    /// Why Port would refuse <paramref name="value"/>, as the end of a sentence that starts "because it …"
    /// (e.g. "contains an apostrophe (')"); null when the identifier is valid.
    /// </summary>
    public static string? DescribeViolation(string value)
    {
        if (IsValid(value))
        {
            return null;
        }

        if (value.Length == 0)
        {
            return "is empty";
        }

        if (value.Length > MaxLength)
        {
            return $"is longer than {MaxLength} characters";
        }

        for (var i = 0; i < value.Length; i++)
        {
            // An emoji is two chars; naming its first half (U+D83D) would point at no character the admin can see.
            if (Rune.TryGetRuneAt(value, i, out var rune) && !rune.IsBmp)
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"contains the character U+{rune.Value:X4} ({rune}), which Port does not allow");
            }

            if (!IsAllowed(value[i]))
            {
                return $"contains {Describe(value[i])}";
            }
        }

        return "is only one or two dots";
    }

    private static bool IsAllowed(char c) =>
        char.IsLetter(c) || char.IsAsciiDigit(c) || c is '@' or '_' or '.' or '+' or ':' or '\\' or '/' or '=' or '-';

    private static string Describe(char c) => c switch
    {
        ' ' => "a space",
        '\'' => "an apostrophe (')",
        '\u2019' => "a typographic apostrophe (\u2019)",
        ',' => "a comma (,)",
        ';' => "a semicolon (;)",
        '"' => "a quotation mark (\")",
        _ when char.IsWhiteSpace(c) => $"a whitespace character (U+{(int)c:X4})",
        _ when char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) is
            System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.NonSpacingMark =>
            $"the character U+{(int)c:X4}, which Port does not allow",
        _ => $"the character '{c}', which Port does not allow",
    };

    // Port's pattern is an ECMAScript one, where $ is the end of the input; .NET's $ also matches before a final
    // newline, so \z stands in for it.
    [GeneratedRegex(@"^(?!\.{1,2}\z)[\p{L}0-9@_.+:\\/=-]+\z")]
    private static partial Regex Pattern();
}
