namespace HiBobAdmin.Matching;

/// <summary>A manual decision that shaped a row, so the UI can say who made it and offer to undo it.</summary>
/// <param name="Kind">A manual link or an expected (ignored) Port user.</param>
/// <param name="By">Who made the decision.</param>
/// <param name="At">When it was made.</param>
/// <param name="ExpiresAt">For an ignore entry, when the user returns to the review queue.</param>
/// <param name="Reason">For an ignore entry, the admin's reason.</param>
public sealed record RowDecision(
    RowDecisionKind Kind,
    string By,
    DateTimeOffset At,
    DateTimeOffset? ExpiresAt = null,
    string? Reason = null);

public enum RowDecisionKind
{
    /// <summary>The employee and the Port user are linked by an admin's override.</summary>
    ManualLink,

    /// <summary>The Port user is expected to have no employee until the entry expires.</summary>
    Expected,
}
