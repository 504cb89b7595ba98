namespace HiBobAdmin.HiBob;

/// <summary>HiBob field ids (dot notation) this app requests; the mapping to properties is in DESIGN.md.</summary>
public static class HiBobFields
{
    public const string Id = "root.id";
    public const string Email = "root.email";
    public const string FirstName = "root.firstName";
    public const string Surname = "root.surname";
    public const string DisplayName = "root.displayName";
    public const string FullName = "root.fullName";
    public const string AvatarUrl = "root.avatarUrl";
    public const string CoverImageUrl = "root.coverImageUrl";
    public const string CompanyId = "root.companyId";
    public const string CreationDateTime = "root.creationDateTime";
    public const string IsManager = "work.isManager";
    public const string DurationOfEmployment = "work.durationOfEmployment";
    public const string Department = "work.department";
    public const string Title = "work.title";
    public const string Status = "internal.status";
    public const string LifecycleStatus = "internal.lifecycleStatus";
    public const string TerminationDate = "internal.terminationDate";

    /// <summary>The explicit <c>fields</c> of every read, in this order.</summary>
    public static IReadOnlyList<string> Requested { get; } =
    [
        Id, Email, FirstName, Surname, DisplayName, FullName, AvatarUrl, CoverImageUrl, CompanyId, CreationDateTime,
        IsManager, DurationOfEmployment, Department, Title, Status, LifecycleStatus, TerminationDate,
    ];
}
