namespace HiBobAdmin.Sync;

/// <summary>
/// Counts credential rejections in a row. HiBob blocks callers that repeat 401/403 (its WAF), so after a few the
/// recurring sync pauses and the UI asks an admin to fix the credentials; any successful run resumes it.
/// </summary>
public sealed class CredentialHealth
{
    private int _consecutiveFailures;

    public int ConsecutiveFailures => Volatile.Read(ref _consecutiveFailures);

    public string? LastMessage { get; private set; }

    public bool IsPaused(int threshold) => ConsecutiveFailures >= threshold;

    public void RecordFailure(string message)
    {
        LastMessage = message;
        Interlocked.Increment(ref _consecutiveFailures);
    }

    public void RecordSuccess()
    {
        LastMessage = null;
        Interlocked.Exchange(ref _consecutiveFailures, 0);
    }
}
