namespace HiBobAdmin.Matching;

/// <summary>One row of the people view: an employee, a Port user, or both, with their link status.</summary>
/// <param name="Employee">The HiBob side; null for a Port-only row.</param>
/// <param name="PortUser">The Port side; null when no Port user belongs to this row.</param>
/// <param name="Status">The link status.</param>
/// <param name="NormalisedEmail">The email used for matching, or null when there is none.</param>
/// <param name="Reason">One sentence that says why the row has this status.</param>
public sealed record PersonRow(
    Employee? Employee,
    PortUser? PortUser,
    LinkStatus Status,
    string? NormalisedEmail,
    string Reason)
{
    /// <summary>The manual decision behind this row (a manual link, an expected Port user), if any.</summary>
    public RowDecision? Decision { get; init; }
}
