using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiBobAdmin.Storage;

public sealed class HiBobAdminDbContext(DbContextOptions<HiBobAdminDbContext> options) : DbContext(options)
{
    public DbSet<SyncRun> Runs => Set<SyncRun>();

    public DbSet<SyncRunItem> RunItems => Set<SyncRunItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

        modelBuilder.Entity<SyncRun>(run =>
        {
            run.HasKey(r => r.Id);
            run.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            run.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20);
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            run.Property(r => r.StartedBy).HasMaxLength(200);
            run.Property(r => r.Subject).HasMaxLength(1000);
            run.Property(r => r.SubjectKey).HasMaxLength(1000);
            run.Property(r => r.Message).HasMaxLength(2000);
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
        });

        modelBuilder.Entity<SyncRunItem>(item =>
        {
            item.HasKey(i => i.Id);
            item.Property(i => i.Action).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.Outcome).HasConversion<string>().HasMaxLength(20);
            item.Property(i => i.Subject).HasMaxLength(1000);
            item.Property(i => i.Name).HasMaxLength(500);
            item.Property(i => i.Message).HasMaxLength(2000);
            item.HasIndex(i => i.RunId);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset columns; a binary form keeps both and sorts correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
