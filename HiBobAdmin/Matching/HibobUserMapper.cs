using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace HiBobAdmin.Matching;

/// <summary>Builds the <c>hibob_user</c> entity of an employee (DESIGN.md, "Field mapping").</summary>
public static class HibobUserMapper
{
    /// <summary>The <c>state</c> of an active employee.</summary>
    public const string ActiveState = "Active";

    /// <summary>The <c>state</c> of an inactive employee.</summary>
    public const string InactiveState = "Inactive";

    /// <summary>
    /// The full desired entity: identifier is the HiBob id, title the display name; <c>email</c> is the work email
    /// as HiBob spells it (trimmed, not lower-cased) and <c>creationDate</c> the date part of the creation time.
    /// </summary>
    public static HibobUserEntity FromEmployee(Employee employee)
    {
        ArgumentNullException.ThrowIfNull(employee);

        var properties = new HibobUserProperties
        {
            Id = employee.Id,
            DisplayName = employee.DisplayName,
            FirstName = employee.FirstName,
            Surname = employee.Surname,
            FullName = employee.FullName,
            Email = EmailAddress.Clean(employee.Email),
            CompanyId = employee.CompanyId,
            State = StateOf(employee.IsActive),
            AvatarUrl = employee.AvatarUrl,
            CoverImageUrl = employee.CoverImageUrl,
            CreationDatetime = employee.CreationDateTime,
            CreationDate = DatePart(employee.CreationDateTime),
            IsManager = employee.IsManager,
            DurationOfEmployment = employee.DurationOfEmployment,
            Department = employee.Department,
            WorkTitle = employee.WorkTitle,
        };
        return new HibobUserEntity(employee.Id, employee.Name, properties);
    }

    /// <summary>
    /// True when <paramref name="entity"/> equals <see cref="FromEmployee"/> of <paramref name="employee"/>, compared
    /// without building it: most entities are unchanged, and the reconciler asks this for every active employee.
    /// </summary>
    public static bool Describes(HibobUserEntity entity, Employee employee)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(employee);

        var p = entity.Properties;
        return Same(entity.Identifier, employee.Id)
            && Same(entity.Title, employee.Name)
            && Same(p.Id, employee.Id)
            && Same(p.DisplayName, employee.DisplayName)
            && Same(p.FirstName, employee.FirstName)
            && Same(p.Surname, employee.Surname)
            && Same(p.FullName, employee.FullName)
            && SameClean(p.Email, employee.Email)
            && Same(p.CompanyId, employee.CompanyId)
            && Same(p.State, StateOf(employee.IsActive))
            && Same(p.AvatarUrl, employee.AvatarUrl)
            && Same(p.CoverImageUrl, employee.CoverImageUrl)
            && Same(p.CreationDatetime, employee.CreationDateTime)
            && SameDatePart(p.CreationDate, employee.CreationDateTime)
            && p.IsManager == employee.IsManager
            && Same(p.DurationOfEmployment, employee.DurationOfEmployment)
            && Same(p.Department, employee.Department)
            && Same(p.WorkTitle, employee.WorkTitle);
    }

    /// <summary>An entity that carries only <c>state</c>: what a leaver's existing entity gets.</summary>
    public static HibobUserEntity StateOnly(string employeeId, bool active)
    {
        ArgumentNullException.ThrowIfNull(employeeId);
        return new HibobUserEntity(employeeId, null, new HibobUserProperties { State = StateOf(active) });
    }

    private static string StateOf(bool active) => active ? ActiveState : InactiveState;

    private static bool Same(string? a, string? b) => string.Equals(a, b, StringComparison.Ordinal);

    // EmailAddress.Clean without the copy: trimmed, and null when blank.
    private static bool SameClean(string? stored, string? email)
    {
        var trimmed = email.AsSpan().Trim();
        return trimmed.IsEmpty ? stored is null : stored is not null && trimmed.SequenceEqual(stored);
    }

    private static bool SameDatePart(string? stored, string? dateTime) =>
        stored is null
            ? !HasDatePart(dateTime)
            : HasDatePart(dateTime) && dateTime.AsSpan(0, 10).SequenceEqual(stored);

    /// <summary>
    /// The leading <c>yyyy-MM-dd</c> of an ISO-8601 timestamp, taken as written: converting through a time zone
    /// could move the date by a day.
    /// </summary>
    internal static string? DatePart(string? dateTime) => HasDatePart(dateTime) ? dateTime[..10] : null;

    private static bool HasDatePart([NotNullWhen(true)] string? dateTime)
    {
        if (dateTime is null || dateTime.Length < 10)
        {
            return false;
        }

        if (dateTime.Length > 10 && dateTime[10] is not ('T' or 't' or ' '))
        {
            return false;
        }

        return DateOnly.TryParseExact(
            dateTime.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
