namespace HiBobAdmin.Audit;

/// <summary>One thing a person or the system did that changes who has access, as the audit log shows it.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>Who did it: a signed-in admin's name, an API key's name, "schedule", "cli" or "webhook".</summary>
    public string Actor { get; set; } = "";

    public AuditAction Action { get; set; }

    /// <summary>What it was done to: an email, an employee id, a run id.</summary>
    public string? Subject { get; set; }

    /// <summary>One sentence for a reader; never a secret.</summary>
    public string Detail { get; set; } = "";
}
