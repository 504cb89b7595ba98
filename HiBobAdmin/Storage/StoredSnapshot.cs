using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiBobAdmin.Storage;

/// <summary>
/// The last reconciled view of both sides, kept so that a restarted app shows its people at once instead of
/// reading both vendors again. One row; <see cref="Data"/> is gzip-compressed JSON in format <see cref="Format"/>.
/// </summary>
public sealed class StoredSnapshot
{
    public const int SingleRowId = 1;

    public int Id { get; set; } = SingleRowId;

    /// <summary>The shape of <see cref="Data"/>; a snapshot of another format is not read but replaced.</summary>
    public int Format { get; set; }

    /// <summary>When both sides were read.</summary>
    public DateTimeOffset ReadAt { get; set; }

    public DateTimeOffset SavedAt { get; set; }

    public byte[] Data { get; set; } = [];
}

internal sealed class StoredSnapshotConfiguration : IEntityTypeConfiguration<StoredSnapshot>
{
    public void Configure(EntityTypeBuilder<StoredSnapshot> snapshot)
    {
        snapshot.ToTable("Snapshots");
        snapshot.HasKey(s => s.Id);
        snapshot.Property(s => s.Id).ValueGeneratedNever();
    }
}
