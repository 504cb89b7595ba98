using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Components.Pages.People;

/// <summary>Builds "Explain" for one row from the snapshot it came from; pure, so every status is a unit test.</summary>
public static class PersonExplainer
{
    public const string NothingPlanned = "Nothing: both sides already hold what HiBob says for this person.";

    public static PersonExplanation Explain(PersonRow row, PeopleSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(snapshot);

        var employee = row.Employee;
        var portUser = row.PortUser;
        var key = row.NormalisedEmail
            ?? EmailAddress.Normalise(employee?.Email)
            ?? EmailAddress.Normalise(portUser?.Identifier);

        var portCandidates = key is null
            ? []
            : snapshot.People.Select(p => p.PortUser).OfType<PortUser>()
                .Where(u => EmailAddress.Normalise(u.Identifier) == key)
                .DistinctBy(u => u.Identifier)
                .Select(DescribePortUser)
                .ToList();
        var otherEmployees = key is null
            ? []
            : snapshot.People.Select(p => p.Employee).OfType<Employee>()
                .Where(e => e.Id != employee?.Id && EmailAddress.Normalise(e.Email) == key)
                .DistinctBy(e => e.Id)
                .Select(DescribeEmployee)
                .ToList();

        return new PersonExplanation(
            employee?.Name ?? portUser?.Identifier ?? "Unknown",
            row.Status,
            row.Reason,
            employee?.Email is { } email ? new EmailForms(email, EmailAddress.Normalise(email)) : null,
            portUser is null ? null : new EmailForms(portUser.Identifier, EmailAddress.Normalise(portUser.Identifier)),
            portCandidates,
            otherEmployees,
            Duplicates(key, portCandidates.Count, otherEmployees.Count + (employee is null ? 0 : 1)),
            Violation(employee?.Email),
            NextSync(row, snapshot.Plan));
    }

    private static string? Duplicates(string? key, int portUsers, int employees)
    {
        if (key is null)
        {
            return null;
        }

        var parts = new List<string>();
        if (employees > 1)
        {
            parts.Add($"{employees} HiBob employees");
        }

        if (portUsers > 1)
        {
            parts.Add($"{portUsers} Port users (case variants)");
        }

        return parts.Count == 0 ? null : $"{string.Join(" and ", parts)} share the email {key}.";
    }

    private static string? Violation(string? email)
    {
        var clean = EmailAddress.Clean(email);
        var normalised = EmailAddress.Normalise(email);
        return clean is null || normalised is null || PortIdentifier.DescribeViolation(normalised) is not { } why
            ? null
            : $"\"{clean}\" cannot be a Port identifier because it {why}.";
    }

    private static List<string> NextSync(PersonRow row, SyncPlan plan)
    {
        var employeeId = row.Employee?.Id;
        var portId = row.PortUser?.Identifier;
        var email = row.Employee?.Email ?? row.NormalisedEmail;
        var steps = new List<string>();

        foreach (var write in plan.HibobUserWrites.Where(w => employeeId is not null && w.Entity.Identifier == employeeId))
        {
            steps.Add(write.Kind switch
            {
                HibobUserWriteKind.Create => $"Creates the hibob_user entity {employeeId}.",
                HibobUserWriteKind.Update => $"Updates the hibob_user entity {employeeId} to HiBob's current values.",
                _ => $"Writes only the state ({write.Entity.Properties.State ?? "Inactive"}) "
                    + $"of the hibob_user entity {employeeId}.",
            });
        }

        foreach (var link in plan.UserLinkWrites.Where(l =>
            (employeeId is not null && l.EmployeeId == employeeId) || SameText(l.PortUserIdentifier, portId)))
        {
            steps.Add(link.Kind switch
            {
                UserLinkKind.Link => $"Links the Port user {link.PortUserIdentifier} to HiBob id {link.EmployeeId}.",
                UserLinkKind.Relink => $"Re-links the Port user {link.PortUserIdentifier} from HiBob id "
                    + $"{link.PreviousEmployeeId ?? "(none)"} to HiBob id {link.EmployeeId}.",
                _ => $"Creates the Port user {link.PortUserIdentifier} (Port sends no invitation) "
                    + $"and links it to HiBob id {link.EmployeeId}.",
            });
        }

        foreach (var skip in plan.Skipped.Where(s =>
            s.Subject == employeeId || SameText(s.Subject, portId) || SameText(s.Subject, email)))
        {
            steps.Add($"Skipped: {skip.Reason}");
        }

        return steps.Count == 0 ? [NothingPlanned] : steps;
    }

    private static string DescribePortUser(PortUser user) =>
        $"{user.Identifier} ({user.Status ?? "no account status"}"
        + (user.LinkedEmployeeId is { } linked ? $", linked to HiBob id {linked})" : ", not linked)");

    private static string DescribeEmployee(Employee employee) =>
        $"{employee.Name} ({employee.Id}, {(employee.IsActive ? "active" : "inactive")}, {employee.Email})";

    private static bool SameText(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
