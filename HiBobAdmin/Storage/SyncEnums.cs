namespace HiBobAdmin.Storage;

public enum SyncKind
{
    Full,
    SingleUser,
}

public enum SyncTrigger
{
    Dashboard,
    Schedule,
    Cli,
    Api,
    Webhook,
}

public enum SyncRunStatus
{
    Queued,
    Running,
    Succeeded,
    CompletedWithFailures,
    Failed,
    Blocked,
    Interrupted,
}

public enum SyncItemAction
{
    CreateEntity,
    UpdateEntity,
    MarkInactive,
    LinkUser,
    RelinkUser,
    CreateUser,
    Skip,

    /// <summary>A stale <c>hibob_user</c> entity deleted (opt-in <c>Sync:RemoveStaleEntities</c>).</summary>
    RemoveEntity,
}

public enum SyncItemOutcome
{
    Planned,
    Applied,
    Failed,
    Skipped,
}
