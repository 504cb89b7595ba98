using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>The sync engine: options, runner, launcher, snapshot and progress, and Hangfire's in-memory storage.</summary>
    public static IServiceCollection AddSync(this IServiceCollection services, bool runJobServer)
    {
        services.AddOptions<SyncOptions>()
            .BindConfiguration(SyncOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<SyncOptions>, SyncOptionsValidator>();

        services.AddSingleton<SyncProgressHub>();
        services.AddSingleton<PeopleSnapshotStore>();
        services.AddSingleton<SnapshotArchive>();
        services.AddHostedService<SnapshotWriter>();
        services.AddSingleton<IPeopleQuery, PeopleQuery>();
        services.AddSingleton<CredentialHealth>();
        services.AddSingleton<DataModelGate>();
        services.AddSingleton<SyncAdmission>();
        services.AddScoped<RunStore>();
        services.AddScoped<SyncStateReader>();
        services.AddScoped<SyncGate>();
        services.AddScoped<SyncRunner>();
        services.AddScoped<RunDecisions>();
        services.AddScoped<SyncLauncher>();
        services.AddScoped<SyncJobs>();
        services.AddScoped<SyncSchedule>();

        services.AddHangfire(hangfire => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Guid }));
        if (runJobServer)
        {
            services.AddHangfireServer(server => server.WorkerCount = Math.Max(5, Environment.ProcessorCount * 2));
        }

        return services;
    }
}
