using System.Security.Cryptography;
using HiBobAdmin.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Security;

/// <summary>
/// With no OpenID Connect and no local accounts configured, makes sure someone can sign in: at first start it creates
/// the PlatformAdmin <see cref="UserName"/> with a one-time password written to the log once and stored only as a
/// hash. Until that password is replaced, every start issues a fresh one (the earlier one stops working); after that
/// the log never shows a password again (decision 0026).
/// </summary>
public sealed class InitialAdmin(
    IOptions<AuthOptions> options,
    PasswordHashing hashing,
    IDbContextFactory<HiBobAdminDbContext> contexts,
    TimeProvider time,
    ILogger<InitialAdmin> logger) : IHostedService
{
    public const string UserName = "admin";

    // No look-alikes (0/O, 1/l/I), so the password survives being read off a log and typed.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

    private const int PasswordLength = 20;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.UsesInitialAdmin)
        {
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var accounts = db.Set<DashboardAccount>();
        var admin = await accounts.SingleOrDefaultAsync(a => a.UserName == UserName, cancellationToken);
        if (admin is { MustChangePassword: false })
        {
            return;
        }

        var password = RandomNumberGenerator.GetString(Alphabet, PasswordLength);
        if (admin is null)
        {
            admin = new DashboardAccount { UserName = UserName, Role = Roles.PlatformAdmin, CreatedAt = time.GetUtcNow() };
            accounts.Add(admin);
        }

        admin.PasswordHash = hashing.Hash(password);
        admin.MustChangePassword = true;
        await db.SaveChangesAsync(cancellationToken);
        logger.InitialAdminPassword(UserName, password);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
