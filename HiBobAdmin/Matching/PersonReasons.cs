using System.Text;

namespace HiBobAdmin.Matching;

/// <summary>The sentences that explain a row or a skipped item to an HR admin.</summary>
internal static class PersonReasons
{
    public const int MaxListedIds = 10;

    public const string InactiveNotCreated =
        "Inactive in HiBob and not in Port: not created.";

    public const string RepeatedId =
        "HiBob returned this employee id more than once; only the first record is used.";

    public static string Matched(PortUser portUser) =>
        $"The Port user {portUser.Identifier} is linked to this employee.";

    public static string Link(PortUser portUser) =>
        $"The Port user {portUser.Identifier} has the same email but is not linked yet; the next sync links it.";

    public static string Relink(PortUser portUser, Employee? previous) =>
        $"The Port user {portUser.Identifier} has the same email but is linked to "
        + (previous is null ? $"HiBob id {portUser.LinkedEmployeeId}" : NameAndId(previous))
        + "; the next sync links it to this employee.";

    public static string Creates(string email) =>
        $"No Port user has the email {email}; the next sync creates one (Port sends no invitation) and links it.";

    public static string CreationOff(string email) =>
        $"No Port user has the email {email} and creating users is off, so none is linked.";

    public static string ServiceAccountEmail(string email) =>
        $"The Port user {email} is a service account, which the sync never matches or writes.";

    public static string NoEmail(string employeeId) =>
        $"HiBob employee {employeeId} has no work email, so no Port user can be linked.";

    public static string Unmappable(string email, string violation) =>
        $"The email \"{email}\" cannot be a Port user identifier because it {violation}; "
        + "it is not rewritten, so no Port user is linked.";

    public static string Duplicate(string email, string ids) =>
        $"The active employees {ids} share the email {email} in HiBob, "
        + "so none of them is linked until each has their own email.";

    public static string Leaver(Employee employee, PortUser? portUser)
    {
        var inactive = $"{employee.Name} is inactive in HiBob"
            + (employee.TerminationDate is { } date ? $" (termination date {date})" : string.Empty);
        if (portUser is null)
        {
            return inactive + " and has no Port user.";
        }

        if (portUser.HasStatus("Active") || portUser.HasStatus("Invited"))
        {
            return $"{inactive}, but the Port user {portUser.Identifier} is still {portUser.Status}.";
        }

        return portUser.Status is null
            ? $"{inactive}; the Port user {portUser.Identifier} has no account status."
            : $"{inactive}; the Port user {portUser.Identifier} is {portUser.Status}.";
    }

    public static string Rehire(PortUser portUser, Employee previous) =>
        $"Rehired: the Port user {portUser.Identifier} is linked to the inactive record {NameAndId(previous)} "
        + "of the same email; the next sync moves the link to this active record.";

    public static string EmailChanged(PortUser portUser, string email) =>
        $"HiBob's email is now {email}, but the Port user {portUser.Identifier} is linked to this employee. "
        + "Port cannot rename a user, so the link is kept and no second Port user is created.";

    public static string ManuallyLinked(PortUser portUser, ManualLink link, LinkStatus status) =>
        (status == LinkStatus.Matched
            ? $"The Port user {portUser.Identifier} is linked to this employee."
            : $"The next sync links the Port user {portUser.Identifier} to this employee.")
        + $" Linked manually by {link.CreatedBy} on {Day(link.CreatedAt)}.";

    public static string ManuallyLinkedElsewhere(string email) =>
        $"The Port user {email} is linked manually to another employee, so none is created or linked for this one.";

    public static string Expected(IgnoreEntry entry) =>
        $"Expected until {Day(entry.ExpiresAt)}: {entry.Reason} (marked by {entry.CreatedBy} on {Day(entry.CreatedAt)}).";

    public static string Day(DateTimeOffset at) =>
        at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public static string EarlierLink(PortUser portUser) =>
        $" The Port user {portUser.Identifier} points at this employee from an earlier link.";

    public static string NoEmployee(string email) =>
        $"No HiBob employee has the email {email}.";

    public static string OnlyLeavers(string email) =>
        $"Only inactive HiBob employees have the email {email}.";

    public static string CaseVariant(PortUser variant, PortUser chosen) =>
        $"{variant.Identifier} is a case variant of the Port user {chosen.Identifier}, "
        + "which is the one used for matching; it is left as it is.";

    public static string PortUserOfDuplicate(string ids) =>
        $"The active employees {ids} share this email in HiBob, "
        + "so this Port user is not linked until each has their own email.";

    public static string LinkKept(Employee employee) =>
        $" Its link to {NameAndId(employee)} is left as it is.";

    public static string LinkToUnknownKept(string employeeId) =>
        $" Its link to HiBob id {employeeId}, which HiBob did not return, is left as it is.";

    /// <summary>
    /// "1012 and 1013", "1, 2 and 3", in ordinal order so the sentence is the same on every run. Past
    /// <see cref="MaxListedIds"/> the rest are counted, not listed: every twin's row carries the phrase, and a
    /// shared mailbox on a thousand HR records must not give each row a thousand ids.
    /// </summary>
    public static string JoinIds(IEnumerable<string> ids)
    {
        var sorted = ids.Order(StringComparer.Ordinal).ToList();
        var listed = Math.Min(sorted.Count, MaxListedIds);
        var text = new StringBuilder();
        for (var i = 0; i < listed; i++)
        {
            if (i > 0)
            {
                text.Append(i == sorted.Count - 1 ? " and " : ", ");
            }

            text.Append(sorted[i]);
        }

        if (sorted.Count > listed)
        {
            text.Append(" and ").Append(sorted.Count - listed).Append(" more");
        }

        return text.ToString();
    }

    private static string NameAndId(Employee employee) =>
        employee.Name == employee.Id ? $"HiBob employee {employee.Id}" : $"{employee.Name} ({employee.Id})";
}
