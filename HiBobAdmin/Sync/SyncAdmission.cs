namespace HiBobAdmin.Sync;

/// <summary>Serialises "is anything running? then record a new run" within the process.</summary>
public sealed class SyncAdmission : IDisposable
{
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public void Dispose() => Gate.Dispose();
}
