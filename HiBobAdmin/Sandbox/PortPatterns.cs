using System.Text.RegularExpressions;

namespace HiBobAdmin.Sandbox;

/// <summary>Identifier rules from Port's OpenAPI spec.</summary>
internal static partial class PortPatterns
{
    public const int MaxEntityIdentifierLength = 1000;
    public const int MaxBlueprintIdentifierLength = 100;
    public const int MaxKeyLength = 100;

    [GeneratedRegex(@"^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/=-]+$", RegexOptions.CultureInvariant)]
    public static partial Regex EntityIdentifier();

    [GeneratedRegex(@"^(?!\.{1,2}$)[\p{L}0-9@_.+:\\/-]+$", RegexOptions.CultureInvariant)]
    public static partial Regex BlueprintIdentifier();

    /// <summary>Property, relation and mirror-property keys.</summary>
    [GeneratedRegex(@"^[A-Za-z0-9@_=\-]+$", RegexOptions.CultureInvariant)]
    public static partial Regex Key();

    public static bool IsEntityIdentifier(string value) =>
        value.Length <= MaxEntityIdentifierLength && EntityIdentifier().IsMatch(value);
}
