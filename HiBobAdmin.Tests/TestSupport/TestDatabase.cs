using HiBobAdmin.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>A throwaway SQLite file with the app's schema, for component tests that use the real run store.</summary>
internal sealed class TestDatabase
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"hibobadmin-test-{Guid.NewGuid():N}.db");

    /// <summary>Registers the context factory on this file and applies the migrations.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddDbContextFactory<HiBobAdminDbContext>(db => db.UseSqlite($"Data Source={_path}"));
        using var provider = services.BuildServiceProvider();
        using var db = provider.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>().CreateDbContext();
        db.Database.Migrate();
    }

    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        File.Delete(_path);
    }
}
