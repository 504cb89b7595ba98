namespace HiBobAdmin.Security;

/// <summary>Source-generated log messages of sign-in and authorisation; none of them carries a password or token.</summary>
internal static partial class SecurityLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Warning, Message =
        "No sign-in is configured, so an initial admin was set up. User name: {UserName}  One-time password: {Password}  "
        + "Sign in with it and choose a new password; this password is shown only in this line.")]
    public static partial void InitialAdminPassword(this ILogger logger, string userName, string password);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "{UserName} signed in as {Role}")]
    public static partial void SignedIn(this ILogger logger, string userName, string role);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "A sign-in as {UserName} failed")]
    public static partial void SignInFailed(this ILogger logger, string userName);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "{UserName} was refused an action that needs policy {Policy}")]
    public static partial void ActionRefused(this ILogger logger, string userName, string policy);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Information, Message = "{UserName} changed their password")]
    public static partial void PasswordChanged(this ILogger logger, string userName);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Warning, Message =
        "{UserName} signed in through single sign-on, but no value of claim {ClaimType} maps to a role: no access")]
    public static partial void NoMappedRole(this ILogger logger, string userName, string claimType);
}
