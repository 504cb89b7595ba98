namespace HiBobAdmin.Decisions;

/// <summary>The answer to an admin's decision: done, or refused with a sentence that says why.</summary>
public sealed record DecisionResult(bool Succeeded, string Message)
{
    public static DecisionResult Done(string message) => new(true, message);

    public static DecisionResult Refused(string message) => new(false, message);
}
