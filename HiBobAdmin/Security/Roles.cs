namespace HiBobAdmin.Security;

/// <summary>
/// The three roles, each including the one before: a Viewer reads, an HrAdmin also runs syncs and makes manual
/// decisions, a PlatformAdmin may do everything. Role names appear in configuration, so they never change.
/// </summary>
public static class Roles
{
    public const string Viewer = "Viewer";

    public const string HrAdmin = "HrAdmin";

    public const string PlatformAdmin = "PlatformAdmin";

    public static IReadOnlyList<string> All { get; } = [Viewer, HrAdmin, PlatformAdmin];
}

/// <summary>Authorisation policies; pages, actions and endpoints name one of these, never a role directly.</summary>
public static class Policies
{
    /// <summary>Any signed-in role: read everything but secrets.</summary>
    public const string View = "View";

    /// <summary>HrAdmin or PlatformAdmin: run syncs, review queues, manual links and ignore entries.</summary>
    public const string Operate = "Operate";

    /// <summary>PlatformAdmin only: settings, data model, approving blocked runs, disabling accounts, /hangfire.</summary>
    public const string Administer = "Administer";
}
