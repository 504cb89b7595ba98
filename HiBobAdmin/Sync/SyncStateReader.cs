using HiBobAdmin.Decisions;
using HiBobAdmin.HiBob;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;

namespace HiBobAdmin.Sync;

/// <summary>
/// Reads both sides for a run, with the admins' manual decisions; HiBob and Port are read concurrently since neither
/// depends on the other.
/// </summary>
public sealed class SyncStateReader(
    IHiBobDirectory hibob,
    IPortCatalog port,
    ManualDecisionStore decisions,
    TimeProvider time)
{
    public async Task<SyncState> ReadAllAsync(CancellationToken cancellationToken)
    {
        var employees = hibob.ReadAllAsync(cancellationToken);
        var users = port.ReadUsersAsync(identifiers: null, cancellationToken);
        var entities = ReadEntitiesAsync(identifiers: null, cancellationToken);
        await Task.WhenAll(employees, users, entities);

        var read = await employees;
        return new(read.Employees, read.Skipped, await users, await entities, time.GetUtcNow())
        {
            Decisions = await decisions.LoadAsync(cancellationToken),
        };
    }

    /// <summary>
    /// One employee by email or id, with every other HiBob record that shares its email, every Port user (a case
    /// variant of the email must be found, and Port's search cannot compare case-insensitively) and the entities of
    /// those employees. Null when HiBob has no such person.
    /// </summary>
    public async Task<SyncState?> ReadOneAsync(string identifier, CancellationToken cancellationToken)
    {
        var read = await hibob.ReadOneAsync(identifier, cancellationToken);
        if (read.Employees.Count == 0)
        {
            return null;
        }

        // HiBob's email filter has no documented case rules, so twins (a rehire, a typo'd duplicate) are found in a
        // full read: one search call, well inside HiBob's 50 a minute. Linking one of two twins would link the
        // wrong person half the time.
        var emails = read.Employees.Select(e => EmailAddress.Normalise(e.Email)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var ids = read.Employees.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var everyone = emails.Count == 0 ? null : await hibob.ReadAllAsync(cancellationToken);
        var twins = everyone?.Employees
            .Where(e => !ids.Contains(e.Id) && EmailAddress.Normalise(e.Email) is { } email && emails.Contains(email))
            .ToList() ?? [];
        List<Employee> employees = [.. read.Employees, .. twins];

        string[] scope = [.. employees.Select(e => e.Id).Distinct(StringComparer.Ordinal)];
        var users = port.ReadUsersAsync(identifiers: null, cancellationToken);
        var entities = ReadEntitiesAsync(scope, cancellationToken);
        await Task.WhenAll(users, entities);
        return new SyncState(employees, read.Skipped, await users, await entities, time.GetUtcNow())
        {
            EntityScope = scope,
            Decisions = await decisions.LoadAsync(cancellationToken),
        };
    }

    /// <summary>
    /// Both sides after a run's writes: the accepted writes laid over <paramref name="before"/>, with only the users
    /// the run created read back (their status is Port's to give) and the admins' decisions as they are now. Port is
    /// not read again page by page (docs/decisions/0051-port-state-after-writes.md).
    /// </summary>
    public async Task<SyncState> AfterWritesAsync(SyncState before, PortAfterWrites writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(writes);
        var created = writes.CreatedUsers;
        var returned = created.Count == 0 ? [] : await port.ReadUsersAsync(created, cancellationToken);
        return writes.ApplyTo(before, returned, time.GetUtcNow()) with
        {
            Decisions = await decisions.LoadAsync(cancellationToken),
        };
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
