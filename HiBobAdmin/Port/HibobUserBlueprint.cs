namespace HiBobAdmin.Port;

/// <summary>
/// The Port data model the sync needs: the <c>hibob_user</c> blueprint, and the relation and mirror property it adds
/// to <c>_user</c>. Property keys are those of DESIGN.md's field mapping.
/// </summary>
internal static class HibobUserBlueprint
{
    public const string Identifier = "hibob_user";
    public const string Title = "HiBob User";

    public const string UserBlueprint = "_user";
    public const string UserRelation = "hibob_user";
    public const string UserRelationTitle = "HiBob User";
    public const string MirrorProperty = "hibob_display_name";
    public const string MirrorTitle = "HiBob Display Name";
    public const string MirrorPath = "hibob_user.displayName";

    public const string Id = "id";
    public const string DisplayName = "displayName";
    public const string FirstName = "firstName";
    public const string Surname = "surname";
    public const string FullName = "fullName";
    public const string Email = "email";
    public const string CompanyId = "companyId";
    public const string State = "state";
    public const string AvatarUrl = "avatarUrl";
    public const string CoverImageUrl = "coverImageUrl";
    public const string CreationDatetime = "creationDatetime";
    public const string CreationDate = "creationDate";
    public const string IsManager = "isManager";
    public const string DurationOfEmployment = "durationOfEmployment";
    public const string Department = "department";
    public const string WorkTitle = "work_title";

    /// <summary>
    /// Every property with its Port type. No <c>format</c>: HiBob timestamps carry no offset and Port validates
    /// formats, so a <c>date-time</c> format would reject every write.
    /// </summary>
    public static IReadOnlyList<PortPropertyDefinition> Properties { get; } =
    [
        new(Id, "string", "HiBob ID"),
        new(DisplayName, "string", "Display Name"),
        new(FirstName, "string", "First Name"),
        new(Surname, "string", "Surname"),
        new(FullName, "string", "Full Name"),
        new(Email, "string", "Email"),
        new(CompanyId, "string", "Company ID"),
        new(State, "string", "State"),
        new(AvatarUrl, "string", "Avatar URL"),
        new(CoverImageUrl, "string", "Cover Image URL"),
        new(CreationDatetime, "string", "Created At"),
        new(CreationDate, "string", "Creation Date"),
        new(IsManager, "boolean", "Is Manager"),
        new(DurationOfEmployment, "string", "Duration of Employment"),
        new(Department, "string", "Department"),
        new(WorkTitle, "string", "Work Title"),
    ];
}

/// <summary>One blueprint property as HiBobAdmin creates it.</summary>
internal sealed record PortPropertyDefinition(string Key, string Type, string Title);
