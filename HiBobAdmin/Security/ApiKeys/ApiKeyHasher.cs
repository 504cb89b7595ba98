using System.Security.Cryptography;
using System.Text;

namespace HiBobAdmin.Security.ApiKeys;

/// <summary>
/// Makes keys and their hashes. Keys are 32 random bytes, so a single SHA-256 is enough to store them safely
/// (decision 0030): there is no low-entropy secret for a slow hash to protect.
/// </summary>
public static class ApiKeyHasher
{
    /// <summary>Marks a string as one of our keys, so a leaked one is easy to recognise in a secret scanner.</summary>
    public const string KeyPrefix = "hba_";

    /// <summary>A new key: the prefix and 32 random bytes in URL-safe base64.</summary>
    public static string NewKey() =>
        KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>SHA-256 of the key's UTF-8 bytes as lower-case hex, the form <c>Api:Keys:N:Hash</c> takes.</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    public static bool IsHash(string? value) =>
        value is { Length: 64 } && value.All(Uri.IsHexDigit);

    /// <summary>True when <paramref name="key"/> hashes to <paramref name="hash"/>; the comparison takes the same
    /// time wherever the two differ.</summary>
    public static bool Matches(string key, string hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        var actual = Encoding.ASCII.GetBytes(Hash(key));
        var expected = Encoding.ASCII.GetBytes(hash.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
