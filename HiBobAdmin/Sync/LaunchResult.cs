namespace HiBobAdmin.Sync;

/// <summary>The answer to "start a sync": accepted with its run id, or refused with the reason.</summary>
public sealed record LaunchResult(bool Accepted, Guid? RunId, string Message)
{
    public static LaunchResult Started(Guid runId, string message) => new(true, runId, message);

    public static LaunchResult Refused(Guid? blockingRunId, string message) => new(false, blockingRunId, message);
}
