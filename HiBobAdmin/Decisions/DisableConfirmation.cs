using System.Globalization;

namespace HiBobAdmin.Decisions;

/// <summary>The sentence a confirmation dialog shows before Port accounts are disabled: who, and how many.</summary>
public static class DisableConfirmation
{
    public static string Text(IReadOnlyList<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var who = string.Join(", ", identifiers);
        return identifiers.Count == 1
            ? $"This sets the Port user {who} to Disabled: they can no longer sign in to Port. "
                + "The account is not deleted and an admin can enable it again in Port."
            : string.Create(
                CultureInfo.InvariantCulture,
                $"This sets {identifiers.Count} Port users to Disabled: {who}. They can no longer sign in to Port.")
                + " No account is deleted and an admin can enable them again in Port.";
    }
}
