namespace HiBobAdmin.Matching;

/// <summary>
/// An admin's decision that an employee's Port user is one with a different email. The reconciler treats it as the
/// match on every sync, so email matching never undoes it.
/// </summary>
/// <param name="EmployeeId">The HiBob employee id.</param>
/// <param name="PortUserIdentifier">The <c>_user</c> identifier as Port spells it.</param>
/// <param name="CreatedBy">Who made the link, for the row's note.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record ManualLink(string EmployeeId, string PortUserIdentifier, string CreatedBy, DateTimeOffset CreatedAt);
