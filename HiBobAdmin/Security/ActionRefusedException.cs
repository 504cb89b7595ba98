namespace HiBobAdmin.Security;

/// <summary>A dashboard action was invoked by a user whose role does not allow it.</summary>
public sealed class ActionRefusedException : InvalidOperationException
{
    public ActionRefusedException()
    {
    }

    public ActionRefusedException(string requiredRole)
        : base($"You need the {requiredRole} role for this action.")
    {
        RequiredRole = requiredRole;
    }

    public ActionRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? RequiredRole { get; }
}
