using HiBobAdmin.Audit;

namespace HiBobAdmin.Components.Pages.Audit;

/// <summary>How the audit log names its actions, on the page and in the export.</summary>
public static class AuditText
{
    public static string Action(AuditAction action) => action switch
    {
        AuditAction.SyncStarted => "Sync started",
        AuditAction.SyncApproved => "Blocked sync approved",
        AuditAction.OverrideCreated => "Manual link made",
        AuditAction.OverrideRemoved => "Manual link undone",
        AuditAction.IgnoreCreated => "Marked as expected",
        AuditAction.IgnoreRemoved => "Expected mark undone",
        AuditAction.AccountDisabled => "Port account disabled",
        AuditAction.EntityRemoved => "Stale entity removed",
        AuditAction.DataModelChanged => "Data model changed",
        AuditAction.SignedIn => "Signed in",
        AuditAction.SignInFailed => "Sign-in failed",
        AuditAction.PasswordChanged => "Password changed",
        _ => action.ToString(),
    };
}
