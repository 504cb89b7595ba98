using HiBobAdmin.Port;

namespace HiBobAdmin.Sync;

/// <summary>
/// Sets up Port's data model before the first sync of the process, then remembers that it is ready so later syncs
/// spend no request on it. The Settings button calls <see cref="EnsureAsync"/> again on purpose.
/// </summary>
public sealed class DataModelGate(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _ready;

    public async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _ready))
        {
            return;
        }

        var status = await EnsureAsync(cancellationToken);
        if (!status.IsReady)
        {
            throw new Infrastructure.VendorApiException(
                "Port", null, $"Port's data model is incomplete: {string.Join(", ", status.Missing)}.");
        }
    }

    public async Task<DataModelStatus> EnsureAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var port = scope.ServiceProvider.GetRequiredService<IPortCatalog>();
            var status = await port.EnsureDataModelAsync(cancellationToken);
            Volatile.Write(ref _ready, status.IsReady);
            return status;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
