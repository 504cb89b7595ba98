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
}

public enum SyncItemOutcome
{
    Planned,
    Applied,
    Failed,
    Skipped,
}
