namespace HiBobAdmin.Audit;

/// <summary>Filters for the audit log; every member is optional.</summary>
public sealed record AuditCriteria(
    AuditAction? Action = null,
    string? Actor = null,
    string? Search = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);
