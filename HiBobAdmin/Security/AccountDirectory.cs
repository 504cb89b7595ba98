using HiBobAdmin.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security;

/// <summary>
/// Checks passwords against the configured local accounts, or, while nothing is configured, against the database's
/// initial admin; and changes the initial admin's password.
/// </summary>
public sealed class AccountDirectory(
    IOptions<AuthOptions> options,
    PasswordHashing hashing,
    IDbContextFactory<HiBobAdminDbContext> contexts,
    TimeProvider time)
{
    /// <summary>The shortest new password accepted.</summary>
    public const int MinimumPasswordLength = 12;

    /// <summary>At least <see cref="MinimumPasswordLength"/> characters that are not white space: spaces in a passphrase
    /// are fine, but twelve spaces are not a password.</summary>
    public static bool IsLongEnough(string password) =>
        password.Count(c => !char.IsWhiteSpace(c)) >= MinimumPasswordLength;

    public bool AcceptsPasswords => options.Value.HasLocalAccounts || options.Value.UsesInitialAdmin;

    public async Task<SignInCheck> CheckAsync(string userName, string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(userName);
        ArgumentNullException.ThrowIfNull(password);
        var auth = options.Value;
        if (auth.HasLocalAccounts)
        {
            var account = auth.LocalAccounts.FirstOrDefault(a =>
                string.Equals(a.UserName, userName, StringComparison.OrdinalIgnoreCase));
            return hashing.Verify(account?.PasswordHash, password) && account is not null
                ? new SignInCheck(true, account.UserName, account.Role, false)
                : SignInCheck.Failed(userName);
        }

        if (!auth.UsesInitialAdmin)
        {
            return SignInCheck.Failed(userName);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<DashboardAccount>().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        if (!hashing.Verify(stored?.PasswordHash, password) || stored is null)
        {
            return SignInCheck.Failed(userName);
        }

        stored.LastSignedInAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return new SignInCheck(true, stored.UserName, stored.Role, stored.MustChangePassword);
    }

    /// <summary>
    /// Replaces a database account's password after checking the current one. The old password stops working at once.
    /// </summary>
    public async Task<PasswordChange> ChangePasswordAsync(
        string userName,
        string currentPassword,
        string newPassword,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(currentPassword);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (!options.Value.UsesInitialAdmin)
        {
            return PasswordChange.NotChangeable;
        }

        if (!IsLongEnough(newPassword))
        {
            return PasswordChange.TooShort;
        }

        if (string.Equals(newPassword, currentPassword, StringComparison.Ordinal))
        {
            return PasswordChange.Unchanged;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Set<DashboardAccount>().SingleOrDefaultAsync(a => a.UserName == userName, cancellationToken);
        if (stored is null || !hashing.Verify(stored.PasswordHash, currentPassword))
        {
            return PasswordChange.WrongCurrent;
        }

        stored.PasswordHash = hashing.Hash(newPassword);
        stored.MustChangePassword = false;
        stored.PasswordChangedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return PasswordChange.Changed;
    }

    /// <summary>The role of a database account, for re-issuing the sign-in after a password change.</summary>
    public async Task<string?> RoleOfAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Set<DashboardAccount>().Where(a => a.UserName == userName).Select(a => a.Role)
            .SingleOrDefaultAsync(cancellationToken);
    }
}
