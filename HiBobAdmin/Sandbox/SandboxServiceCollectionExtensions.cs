using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sandbox;

/// <summary>Registers the emulated HiBob and Port APIs.</summary>
public static class SandboxServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SandboxOptions"/> from the <c>Sandbox</c> section (validated at start) and registers the
    /// singleton <see cref="SandboxState"/>. Uses the registered <see cref="TimeProvider"/>, or the system clock.
    /// </summary>
    public static IServiceCollection AddSandbox(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<SandboxOptions>()
            .Bind(configuration.GetSection(SandboxOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(
            ServiceDescriptor.Singleton<IValidateOptions<SandboxOptions>, SandboxOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SandboxState>();
        return services;
    }
}
