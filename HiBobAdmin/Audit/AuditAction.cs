namespace HiBobAdmin.Audit;

/// <summary>What an audit entry records. Stored by name, so members may be added but never renamed.</summary>
public enum AuditAction
{
    SyncStarted,
    SyncApproved,
    OverrideCreated,
    OverrideRemoved,
    IgnoreCreated,
    IgnoreRemoved,
    AccountDisabled,
    EntityRemoved,
    DataModelChanged,
    SignedIn,
    SignInFailed,
    PasswordChanged,
}
