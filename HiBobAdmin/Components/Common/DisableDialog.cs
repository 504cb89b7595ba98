using HiBobAdmin.Decisions;
using MudBlazor;

namespace HiBobAdmin.Components.Common;

/// <summary>The one confirmation every "Disable in Port" button asks for, naming who and how many.</summary>
public static class DisableDialog
{
    public static async Task<bool> ConfirmDisableAsync(this IDialogService dialogs, IReadOnlyList<string> identifiers)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(identifiers);
        var confirmed = await dialogs.ShowMessageBoxAsync(
            identifiers.Count == 1 ? "Disable in Port?" : $"Disable {identifiers.Count} accounts in Port?",
            DisableConfirmation.Text(identifiers),
            yesText: "Disable",
            cancelText: "Cancel");
        return confirmed == true;
    }
}
