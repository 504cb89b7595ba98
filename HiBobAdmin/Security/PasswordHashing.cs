using Microsoft.AspNetCore.Identity;

namespace HiBobAdmin.Security;

/// <summary>
/// ASP.NET Core Identity's password hasher (PBKDF2, salted, versioned format) for configured accounts and the
/// initial admin alike; nothing else in the app sees or stores a password.
/// </summary>
public sealed class PasswordHashing
{
    // A hash nobody's password matches: verifying an unknown user name against it costs the same time as a real one.
    private static readonly Lazy<string> Decoy = new(() => new PasswordHasher<PasswordHashing>().HashPassword(
        new PasswordHashing(), Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    private readonly PasswordHasher<PasswordHashing> _hasher = new();

    public string Hash(string password)
    {
        ArgumentException.ThrowIfNullOrEmpty(password);
        return _hasher.HashPassword(this, password);
    }

    /// <summary>
    /// True when <paramref name="password"/> matches. Without a hash (an unknown user name) it checks a decoy, so the
    /// answer takes as long as for a wrong password; a malformed hash matches nothing.
    /// </summary>
    public bool Verify(string? hash, string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        try
        {
            return _hasher.VerifyHashedPassword(this, hash ?? Decoy.Value, password) != PasswordVerificationResult.Failed;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
