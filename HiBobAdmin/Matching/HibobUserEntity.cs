namespace HiBobAdmin.Matching;

/// <summary>
/// A Port <c>hibob_user</c> entity: the desired one built from an employee, or the existing one read from Port.
/// Value equality is what decides whether an entity needs writing.
/// </summary>
public sealed record HibobUserEntity(string Identifier, string? Title, HibobUserProperties Properties);

/// <summary>
/// The <c>hibob_user</c> properties of DESIGN.md's field mapping, by their Port property keys.
/// </summary>
public sealed record HibobUserProperties
{
    public string? Id { get; init; }
    public string? DisplayName { get; init; }
    public string? FirstName { get; init; }
    public string? Surname { get; init; }
    public string? FullName { get; init; }
    public string? Email { get; init; }
    public string? CompanyId { get; init; }
    public string? State { get; init; }
    public string? AvatarUrl { get; init; }
    public string? CoverImageUrl { get; init; }
    public string? CreationDatetime { get; init; }
    public string? CreationDate { get; init; }
    public bool? IsManager { get; init; }
    public string? DurationOfEmployment { get; init; }
    public string? Department { get; init; }
    public string? WorkTitle { get; init; }
}
