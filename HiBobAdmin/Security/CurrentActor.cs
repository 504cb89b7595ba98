using Microsoft.AspNetCore.Components.Authorization;

namespace HiBobAdmin.Security;

/// <summary>The name recorded as "who" on runs and audit entries for what a dashboard user does.</summary>
public sealed class CurrentActor(AuthenticationStateProvider authentication)
{
    /// <summary>The signed-in user's name; "dashboard" while nobody is signed in.</summary>
    public async Task<string> NameAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var identity = state.User.Identity;
        return identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name : "dashboard";
    }
}
