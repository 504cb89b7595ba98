using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiBobAdmin.Security;

/// <summary>
/// An account kept in the app's database: today only the initial admin the app creates when no other sign-in is
/// configured. Only the password's hash is stored.
/// </summary>
public sealed class DashboardAccount
{
    public int Id { get; set; }

    public string UserName { get; set; } = "";

    public string PasswordHash { get; set; } = "";

    public string Role { get; set; } = "";

    /// <summary>True while the password is the one-time password from the log; sign-in then only allows changing it.</summary>
    public bool MustChangePassword { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? PasswordChangedAt { get; set; }

    public DateTimeOffset? LastSignedInAt { get; set; }
}

internal sealed class DashboardAccountConfiguration : IEntityTypeConfiguration<DashboardAccount>
{
    public void Configure(EntityTypeBuilder<DashboardAccount> account)
    {
        account.ToTable("DashboardAccounts");
        account.HasKey(a => a.Id);
        account.Property(a => a.UserName).HasMaxLength(200).UseCollation("NOCASE");
        account.Property(a => a.PasswordHash).HasMaxLength(500);
        account.Property(a => a.Role).HasMaxLength(40);
        account.HasIndex(a => a.UserName).IsUnique();
    }
}
