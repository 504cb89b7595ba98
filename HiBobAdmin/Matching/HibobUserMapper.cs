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

    /// <summary>An entity that carries only <c>state</c>: what a leaver's existing entity gets.</summary>
    public static HibobUserEntity StateOnly(string employeeId, bool active)
    {
        ArgumentNullException.ThrowIfNull(employeeId);
        return new HibobUserEntity(employeeId, null, new HibobUserProperties { State = StateOf(active) });
    }

    private static string StateOf(bool active) => active ? ActiveState : InactiveState;

    /// <summary>
    /// The leading <c>yyyy-MM-dd</c> of an ISO-8601 timestamp, taken as written: converting through a time zone
    /// could move the date by a day.
    /// </summary>
    internal static string? DatePart(string? dateTime)
    {
        if (dateTime is null || dateTime.Length < 10)
        {
            return null;
        }

        if (dateTime.Length > 10 && dateTime[10] is not ('T' or 't' or ' '))
        {
            return null;
        }

        var date = dateTime[..10];
        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? date
            : null;
    }
}
