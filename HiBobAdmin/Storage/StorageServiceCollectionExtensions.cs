using HiBobAdmin.Audit;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>Registers the EF Core context (SQLite) as a factory, so jobs and components own short-lived contexts.</summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        Directory.CreateDirectory(options.ResolveDataDirectory(contentRoot));
        var connectionString = options.ResolveConnectionString(contentRoot);

        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<RunOwner>();
        services.AddSingleton<OrphanedRuns>();
        services.AddScoped<StorageInitializer>();
        services.AddHostedService<RunHeartbeat>();
        services.AddDbContextFactory<HiBobAdminDbContext>(db => db
            .UseSqlite(connectionString)
            .AddInterceptors(new SqliteWaitForLocks()));
        services.AddSingleton<AuditLog>();
        return services;
    }
}
