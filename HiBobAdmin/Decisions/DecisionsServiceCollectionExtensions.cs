namespace HiBobAdmin.Decisions;

public static class DecisionsServiceCollectionExtensions
{
    /// <summary>Manual links, ignore entries and the explicit removal of stale entities.</summary>
    public static IServiceCollection AddDecisions(this IServiceCollection services)
    {
        services.AddSingleton<ManualDecisionStore>();
        services.AddScoped<StaleEntityRemover>();
        return services;
    }
}
