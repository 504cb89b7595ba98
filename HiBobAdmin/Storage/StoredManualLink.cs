using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HiBobAdmin.Storage;

/// <summary>
/// An admin's link of an employee to a Port user with another email. One per employee and one per Port user, so a
/// sync never has two manual answers to choose from.
/// </summary>
public sealed class StoredManualLink
{
    public int Id { get; set; }

    public string EmployeeId { get; set; } = "";

    /// <summary>The employee's name when the link was made, for the list of decisions.</summary>
    public string EmployeeName { get; set; } = "";

    public string PortUserIdentifier { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}

internal sealed class StoredManualLinkConfiguration : IEntityTypeConfiguration<StoredManualLink>
{
    public void Configure(EntityTypeBuilder<StoredManualLink> link)
    {
        link.ToTable("ManualLinks");
        link.HasKey(l => l.Id);
        link.Property(l => l.EmployeeId).HasMaxLength(100);
        link.Property(l => l.EmployeeName).HasMaxLength(300);
        link.Property(l => l.PortUserIdentifier).HasMaxLength(1000);
        link.Property(l => l.CreatedBy).HasMaxLength(200);
        link.HasIndex(l => l.EmployeeId).IsUnique();
        link.HasIndex(l => l.PortUserIdentifier).IsUnique();
    }
}
