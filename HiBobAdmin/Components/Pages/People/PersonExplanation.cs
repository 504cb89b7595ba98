using HiBobAdmin.Matching;

namespace HiBobAdmin.Components.Pages.People;

/// <summary>Everything "Explain" shows for one row of the people view.</summary>
/// <param name="Title">The person's name, or the Port identifier for a Port-only row.</param>
/// <param name="Status">The row's link status.</param>
/// <param name="Reason">The row's own sentence.</param>
/// <param name="HiBobEmail">The employee's email as HiBob spells it and normalised, or null without an employee.
/// </param>
/// <param name="PortIdentifier">The Port user's identifier as Port holds it and normalised, or null without one.
/// </param>
/// <param name="PortCandidates">Port users whose normalised identifier equals this person's email.</param>
/// <param name="OtherEmployees">Other employees whose normalised email equals this person's.</param>
/// <param name="Duplicates">A sentence when an email is shared by several employees or Port users, else null.</param>
/// <param name="Violation">Why Port refuses the email as an identifier (unmappable), else null.</param>
/// <param name="NextSync">What the next sync does for this person, one sentence per write or skip.</param>
public sealed record PersonExplanation(
    string Title,
    LinkStatus Status,
    string Reason,
    EmailForms? HiBobEmail,
    EmailForms? PortIdentifier,
    IReadOnlyList<string> PortCandidates,
    IReadOnlyList<string> OtherEmployees,
    string? Duplicates,
    string? Violation,
    IReadOnlyList<string> NextSync);

/// <summary>An email as given and as used for matching.</summary>
public sealed record EmailForms(string Given, string? Normalised);
