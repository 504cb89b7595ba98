namespace HiBobAdmin.Security;

/// <summary>The outcome of a change-password form; the page shows <see cref="PasswordChangeText.Of"/>.</summary>
public enum PasswordChange
{
    Changed,
    Mismatch,
    TooShort,
    Unchanged,
    WrongCurrent,
    NotChangeable,
}

/// <summary>What the change-password page says for each outcome.</summary>
public static class PasswordChangeText
{
    public static string Of(PasswordChange outcome) => outcome switch
    {
        PasswordChange.Changed => "Your password was changed.",
        PasswordChange.Mismatch => "The new password and its confirmation differ.",
        PasswordChange.TooShort => $"The new password needs at least {AccountDirectory.MinimumPasswordLength} characters besides spaces.",
        PasswordChange.Unchanged => "The new password must differ from the current one.",
        PasswordChange.WrongCurrent => "The current password is not correct.",
        _ => "This account is managed in configuration or by your identity provider; change its password there.",
    };
}
