namespace HiBobAdmin.Api;

/// <summary>What a run read and wrote; <see cref="Planned"/> and <see cref="Done"/> give its progress.</summary>
public sealed record ApiRunCounts(
    int EmployeesRead,
    int PortUsersRead,
    int Created,
    int Updated,
    int Linked,
    int Unchanged,
    int Skipped,
    int Failed,
    int Planned,
    int Done);
