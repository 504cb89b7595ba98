namespace HiBobAdmin.Sandbox;

/// <summary>Maps the emulated HiBob and Port APIs into the app.</summary>
public static class SandboxEndpointRouteBuilderExtensions
{
    public const string HiBobPrefix = "/sandbox/hibob";
    public const string PortPrefix = "/sandbox/port";

    /// <summary>
    /// Maps HiBob's routes under <c>/sandbox/hibob</c> (so <c>POST /v1/people/search</c> is
    /// <c>POST /sandbox/hibob/v1/people/search</c>) and Port's under <c>/sandbox/port</c>. Whether to call this is
    /// the host's decision (<see cref="SandboxOptions.Enabled"/>). The state is created here, so seeding and a
    /// broken state file show at start rather than on the first request.
    /// </summary>
    public static IEndpointRouteBuilder MapSandbox(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _ = endpoints.ServiceProvider.GetRequiredService<SandboxState>();

        var hibob = endpoints.MapGroup(HiBobPrefix).ExcludeFromDescription();
        hibob.AddEndpointFilter((context, next) => SandboxPipeline.InvokeAsync(context, next, SandboxApi.HiBob));
        HiBobSandboxEndpoints.Map(hibob);

        var port = endpoints.MapGroup(PortPrefix).ExcludeFromDescription();
        port.AddEndpointFilter((context, next) => SandboxPipeline.InvokeAsync(context, next, SandboxApi.Port));
        PortSandboxEndpoints.Map(port);

        return endpoints;
    }
}
