using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiBobAdmin.Storage;

/// <summary>
/// A Port user marked as expected without an employee until <see cref="ExpiresAt"/>. Kept after it expires, so the
/// list of decisions still shows it and an admin can renew it; the reconciler ignores an expired one.
/// </summary>
public sealed class StoredIgnoreEntry
{
    public int Id { get; set; }

    public string PortUserIdentifier { get; set; } = "";

    public string Reason { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StoredIgnoreEntryConfiguration : IEntityTypeConfiguration<StoredIgnoreEntry>
{
    public void Configure(EntityTypeBuilder<StoredIgnoreEntry> entry)
    {
        entry.ToTable("IgnoreEntries");
        entry.HasKey(e => e.Id);
        entry.Property(e => e.PortUserIdentifier).HasMaxLength(1000);
        entry.Property(e => e.Reason).HasMaxLength(500);
        entry.Property(e => e.CreatedBy).HasMaxLength(200);
        entry.HasIndex(e => e.PortUserIdentifier).IsUnique();
    }
}
