namespace HiBobAdmin.Decisions;

public static class DecisionsServiceCollectionExtensions
{
    /// <summary>Manual links, ignore entries, the explicit removal of stale entities and disabling leavers.</summary>
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddSingleton<ManualDecisionStore>();
        services.AddScoped<StaleEntityRemover>();
        services.AddScoped<LeaverDisabler>();
        return services;
    }
}
