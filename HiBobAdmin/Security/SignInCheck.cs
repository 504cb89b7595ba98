namespace HiBobAdmin.Security;

/// <summary>The outcome of checking a user name and password; a failure says nothing about which of them was wrong.</summary>
public sealed record SignInCheck(bool Succeeded, string UserName, string? Role, bool MustChangePassword)
{
    public static SignInCheck Failed(string userName) => new(false, userName, null, false);
}
