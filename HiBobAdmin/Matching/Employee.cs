namespace HiBobAdmin.Matching;

/// <summary>
/// A HiBob person as the tolerant reader understood it. Strings are trimmed; blank values are null.
/// </summary>
public sealed record Employee
{
    /// <summary>HiBob backend id (<c>root.id</c>), a 19-digit string kept as text.</summary>
    public required string Id { get; init; }

    /// <summary>Work email as HiBob spells it, trimmed; null when absent, null or blank.</summary>
    public string? Email { get; init; }

    /// <summary>True when <c>internal.status</c> is <c>Active</c>.</summary>
    public required bool IsActive { get; init; }

    public string? Status { get; init; }
    public string? LifecycleStatus { get; init; }
    public string? TerminationDate { get; init; }
    public string? DisplayName { get; init; }
    public string? FirstName { get; init; }
    public string? Surname { get; init; }
    public string? FullName { get; init; }
    public string? CompanyId { get; init; }
    public string? AvatarUrl { get; init; }
    public string? CoverImageUrl { get; init; }
    public string? CreationDateTime { get; init; }
    public bool? IsManager { get; init; }
    public string? DurationOfEmployment { get; init; }
    public string? Department { get; init; }
    public string? WorkTitle { get; init; }

    /// <summary>The name to show: display name, else full name, else first and last name, else the id.</summary>
    public string Name =>
        DisplayName
        ?? FullName
        ?? (FirstName is null && Surname is null ? Id : $"{FirstName} {Surname}".Trim());
}
