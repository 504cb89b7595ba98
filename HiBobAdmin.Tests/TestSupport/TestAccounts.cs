using HiBobAdmin.Security;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>
/// One configured local account per role for whole-app tests. The hashes are made once per test run: hashing is
/// deliberately slow.
/// </summary>
internal static class TestAccounts
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Hashes = new(() =>
        Roles.All.ToDictionary(role => role, role => new PasswordHashing().Hash(PasswordOf(role))));

    public static string UserNameOf(string role) => $"test-{role.ToLowerInvariant()}";

    public static string PasswordOf(string role) => $"correct horse {role} battery";

    /// <summary>The <c>Auth:LocalAccounts</c> settings for all three roles.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Settings() => Roles.All.SelectMany((role, i) =>
        new KeyValuePair<string, string?>[]
        {
            new($"Auth:LocalAccounts:{i}:UserName", UserNameOf(role)),
            new($"Auth:LocalAccounts:{i}:PasswordHash", Hashes.Value[role]),
            new($"Auth:LocalAccounts:{i}:Role", role),
        });
}
