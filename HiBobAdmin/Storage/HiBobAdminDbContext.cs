using HiBobAdmin.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace HiBobAdmin.Storage;

/// <summary>
/// The app's own database. Each table's mapping lives beside its entity in an <see cref="IEntityTypeConfiguration{T}"/>;
/// the schema evolves through the migrations in <c>Storage/Migrations</c>.
/// </summary>
public sealed class HiBobAdminDbContext(DbContextOptions<HiBobAdminDbContext> options) : DbContext(options)
{
    public DbSet<SyncRun> Runs => Set<SyncRun>();

    public DbSet<SyncRunItem> RunItems => Set<SyncRunItem>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<StoredSnapshot> Snapshots => Set<StoredSnapshot>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HiBobAdminDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);

        // SQLite cannot order or compare DateTimeOffset columns; a binary form keeps both and sorts correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
