using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HiBobAdmin.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the app (or its sandbox).</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<HiBobAdminDbContext>
{
    public HiBobAdminDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<HiBobAdminDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
