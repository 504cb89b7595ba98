using Bunit;
using Bunit.TestDoubles;
using HiBobAdmin.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>
/// Component tests render as a signed-in user: PlatformAdmin unless a test says otherwise. bUnit's authorisation
/// double grants policies by name, so the role's policies are granted as the app's policies would grant them.
/// </summary>
internal static class ComponentSignIn
{
    public const string UserName = "test-admin";

    /// <summary>Registers bUnit's authorisation, the action guard and the actor, and signs in as <paramref name="role"/>.</summary>
    public static BunitAuthorizationContext SignIn(this BunitContext context, string role = Roles.PlatformAdmin)
    {
        ArgumentNullException.ThrowIfNull(context);
        var authorization = context.AddAuthorization();
        context.Services.TryAddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        context.Services.AddScoped<ActionGuard>();
        context.Services.AddScoped<CurrentActor>();
        authorization.SignInAs(role);
        return authorization;
    }

    /// <summary>Switches the signed-in user's role (later checks see it; rendered markup may not).</summary>
    public static void SignInAs(this BunitAuthorizationContext authorization, string role, string name = UserName)
    {
        ArgumentNullException.ThrowIfNull(authorization);
        authorization.SetAuthorized(name);
        authorization.SetRoles(role);
        authorization.SetPolicies([.. PolicyRoles.PoliciesOf(role)]);
    }
}
