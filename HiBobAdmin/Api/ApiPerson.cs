using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Api;

/// <summary>One row of the people view: link status, why, and each side when present.</summary>
public sealed record ApiPerson(string Status, string? NormalisedEmail, string Reason, ApiEmployee? Employee, ApiPortUser? PortUser)
{
    public static ApiPerson From(PersonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var employee = row.Employee is { } e
            ? new ApiEmployee(e.Id, e.Name, e.Email, PeopleQuery.HiBobStatusOf(e)!)
            : null;
        var user = row.PortUser is { } u ? new ApiPortUser(u.Identifier, u.Title, u.Status, u.LinkedEmployeeId) : null;
        return new ApiPerson(row.Status.ToString(), row.NormalisedEmail, row.Reason, employee, user);
    }
}
