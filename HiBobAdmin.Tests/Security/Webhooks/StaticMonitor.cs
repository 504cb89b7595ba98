using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.Security.Webhooks;

/// <summary>An options monitor whose value never changes, for constructing a service by hand.</summary>
internal sealed class StaticMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
