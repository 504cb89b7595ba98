namespace HiBobAdmin.Storage;

/// <summary>One sync run as recorded in the app's own storage, so history outlives Hangfire's in-memory state.</summary>
public sealed class SyncRun
{
    public Guid Id { get; set; }

    public SyncKind Kind { get; set; }

    public SyncTrigger Trigger { get; set; }

    /// <summary>Who or what started it: an admin's name, "schedule", "cli".</summary>
    public string StartedBy { get; set; } = "";

    /// <summary>For a single-user sync, the email or employee id exactly as the admin typed it.</summary>
    public string? Subject { get; set; }

    /// <summary>The subject normalised (trimmed, lower-case), so two spellings of one email are one person.</summary>
    public string? SubjectKey { get; set; }

    public bool DryRun { get; set; }

    public SyncRunStatus Status { get; set; }

    public DateTimeOffset QueuedAt { get; set; }

    public DateTimeOffset? StartedAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int EmployeesRead { get; set; }

    public int PortUsersRead { get; set; }

    public int Created { get; set; }

    public int Updated { get; set; }

    public int Linked { get; set; }

    public int Unchanged { get; set; }

    public int Skipped { get; set; }

    public int Failed { get; set; }

    /// <summary>Writes planned for this run; with <see cref="Done"/> it drives the progress bar.</summary>
    public int Planned { get; set; }

    public int Done { get; set; }

    /// <summary>Active employees after the run (full syncs only), for the matched-share history.</summary>
    public int ActiveEmployees { get; set; }

    /// <summary>Active employees whose Port user is linked to them after the run (full syncs only).</summary>
    public int MatchedEmployees { get; set; }

    /// <summary>One sentence for the admin: why it failed or was blocked, or a summary.</summary>
    public string? Message { get; set; }

    /// <summary>
    /// The preview (a dry run) or the blocked run whose plan this run applies; it re-plans and applies the new plan
    /// when HiBob or Port changed since (docs/decisions/0012-apply-follows-the-preview.md).
    /// </summary>
    public Guid? BasedOnRunId { get; set; }

    /// <summary>An admin approved the blocked run this run is based on: its guards are waived if the plan is the same.</summary>
    public bool WaiveGuards { get; set; }

    /// <summary>On a blocked run: who approved it ("Apply anyway"); a blocked run is approved at most once.</summary>
    public string? ApprovedBy { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public List<SyncRunItem> Items { get; set; } = [];

    public TimeSpan? Duration => FinishedAt - StartedAt;

    /// <summary>The process that admitted and runs it (<see cref="RunOwner"/>), so another process can tell it died.</summary>
    public string? Owner { get; set; }

    /// <summary>When <see cref="Owner"/> last recorded that it is still working on this run.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    public bool IsActive => Status is SyncRunStatus.Queued or SyncRunStatus.Running;
}
