using HiBobAdmin.HiBob;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;

namespace HiBobAdmin.Sync;

/// <summary>Reads both sides for a run; HiBob and Port are read concurrently since neither depends on the other.</summary>
public sealed class SyncStateReader(IHiBobDirectory hibob, IPortCatalog port, TimeProvider time)
{
    public async Task<SyncState> ReadAllAsync(CancellationToken cancellationToken)
    {
        var employees = hibob.ReadAllAsync(cancellationToken);
        var users = port.ReadUsersAsync(identifiers: null, cancellationToken);
        var entities = ReadEntitiesAsync(identifiers: null, cancellationToken);
        await Task.WhenAll(employees, users, entities);

        var read = await employees;
        return new(read.Employees, read.Skipped, await users, await entities, time.GetUtcNow());
    }

    /// <summary>
    /// One employee by email or id, with every Port user (a case variant of the email must be found, and Port's
    /// search cannot compare case-insensitively) and the entities of the employee and of any known email twins.
    /// </summary>
    public async Task<SyncState?> ReadOneAsync(
        string identifier,
        IReadOnlyList<Employee> knownTwins,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(knownTwins);
        var read = await hibob.ReadOneAsync(identifier, cancellationToken);
        if (read.Employees.Count == 0)
        {
            return null;
        }

        var employees = read.Employees
            .Concat(knownTwins.Where(t => read.Employees.All(e => e.Id != t.Id)))
            .ToList();
        string[] scope = [.. employees.Select(e => e.Id)];
        var users = port.ReadUsersAsync(identifiers: null, cancellationToken);
        var entities = ReadEntitiesAsync(scope, cancellationToken);
        await Task.WhenAll(users, entities);
        return new SyncState(employees, read.Skipped, await users, await entities, time.GetUtcNow())
        {
            EntityScope = scope,
        };
    }

    /// <summary>Re-reads Port only, after writes, to show what Port now holds (a created user's status, say).</summary>
    public async Task<SyncState> RereadPortAsync(SyncState before, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        var users = port.ReadUsersAsync(identifiers: null, cancellationToken);
        var entities = ReadEntitiesAsync(before.EntityScope, cancellationToken);
        await Task.WhenAll(users, entities);
        return before with { PortUsers = await users, HibobUsers = await entities, ReadAt = time.GetUtcNow() };
    }

    // Before the first sync the hibob_user blueprint does not exist yet, and Port answers 404 for its search: that
    // means "no entities", which lets the dashboard show both sides before anything was ever written.
    private async Task<IReadOnlyList<HibobUserEntity>> ReadEntitiesAsync(
        IReadOnlyCollection<string>? identifiers,
        CancellationToken cancellationToken)
    {
        try
        {
            return await port.ReadHibobUsersAsync(identifiers, cancellationToken);
        }
        catch (VendorApiException ex) when (ex.StatusCode == 404)
        {
            return [];
        }
    }
}
