using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiBobAdmin.Storage;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> run)
    {
        run.ToTable("Runs");
        run.HasKey(r => r.Id);
        run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
        run.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
        run.Property(r => r.StartedBy).HasMaxLength(200);
        run.Property(r => r.Subject).HasMaxLength(1000);
        run.Property(r => r.SubjectKey).HasMaxLength(1000);
        run.Property(r => r.Message).HasMaxLength(2000);
        run.Property(r => r.ApprovedBy).HasMaxLength(200);
        run.Property(r => r.Owner).HasMaxLength(300);
        run.Ignore(r => r.Duration);
        run.Ignore(r => r.IsActive);
        run.HasIndex(r => r.QueuedAt);
        run.HasIndex(r => r.Status);

        // At most one active full sync, enforced by the database, so a CLI run and the dashboard (two processes)
        // cannot both start one in the same instant.
        run.HasIndex(r => r.Kind)
            .IsUnique()
            .HasFilter("\"Kind\" = 'Full' AND \"Status\" IN ('Queued', 'Running')")
            .HasDatabaseName("IX_Runs_OneActiveFullSync");
        run.HasMany(r => r.Items).WithOne().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SyncRunItemConfiguration : IEntityTypeConfiguration<SyncRunItem>
{
    public void Configure(EntityTypeBuilder<SyncRunItem> item)
    {
        item.ToTable("RunItems");
        item.HasKey(i => i.Id);
        item.Property(i => i.Action).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
        item.Property(i => i.Subject).HasMaxLength(1000);
        item.Property(i => i.Name).HasMaxLength(500);
        item.Property(i => i.Message).HasMaxLength(2000);
        item.HasIndex(i => i.RunId);
    }
}
