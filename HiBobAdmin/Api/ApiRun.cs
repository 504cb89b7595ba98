using HiBobAdmin.Storage;

namespace HiBobAdmin.Api;

/// <summary>One sync run as the API shows it; enums are spelled out so clients need no number table.</summary>
public sealed record ApiRun(
    Guid Id,
    string Kind,
    string Trigger,
    string StartedBy,
    string? Subject,
    bool DryRun,
    string Status,
    DateTimeOffset QueuedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    ApiRunCounts Counts,
    string? Message)
{
    public static ApiRun From(SyncRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ApiRun(
            run.Id,
            run.Kind.ToString(),
            run.Trigger.ToString(),
            run.StartedBy,
            run.Subject,
            run.DryRun,
            run.Status.ToString(),
            run.QueuedAt,
            run.StartedAt,
            run.FinishedAt,
            new ApiRunCounts(
                run.EmployeesRead,
                run.PortUsersRead,
                run.Created,
                run.Updated,
                run.Linked,
                run.Unchanged,
                run.Skipped,
                run.Failed,
                run.Planned,
                run.Done),
            run.Message);
    }
}
