using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace HiBobAdmin.Security;

/// <summary>
/// Checks a policy for the signed-in dashboard user when an action runs, on the server: hiding a button is a
/// courtesy, this is the check. Use <see cref="CanAsync"/> to show or hide, and call <see cref="DemandAsync"/> first
/// thing in every action method.
/// </summary>
public sealed class ActionGuard(
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization,
    ILogger<ActionGuard> logger)
{
    public async Task<bool> CanAsync(string policy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policy);
        var state = await authentication.GetAuthenticationStateAsync();
        var result = await authorization.AuthorizeAsync(state.User, resource: null, policy);
        return result.Succeeded;
    }

    /// <summary>
    /// Returns when the user meets <paramref name="policy"/>; otherwise logs and throws
    /// <see cref="ActionRefusedException"/>. A weaker role never sees the button, so only a forged event gets here,
    /// and ending that circuit is the right answer.
    /// </summary>
    public async Task DemandAsync(string policy)
    {
        if (await CanAsync(policy))
        {
            return;
        }

        var state = await authentication.GetAuthenticationStateAsync();
        var name = state.User.Identity?.Name ?? "anonymous";
        logger.ActionRefused(name, policy);
        throw new ActionRefusedException(PolicyRoles.MinimumRole(policy));
    }
}
