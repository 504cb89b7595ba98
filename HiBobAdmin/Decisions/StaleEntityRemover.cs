using HiBobAdmin.Audit;
using HiBobAdmin.Port;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Decisions;

/// <summary>
/// Removes one stale <c>hibob_user</c> entity at an admin's explicit request. Only an entity the last full read
/// listed as stale, and that no Port user links to, is removed; a <c>_user</c> never is.
/// </summary>
public sealed class StaleEntityRemover(IPortCatalog port, PeopleSnapshotStore snapshots, AuditLog audit)
{
    public async Task<DecisionResult> RemoveAsync(string identifier, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);
        var stale = snapshots.Current?.Plan.StaleEntities.FirstOrDefault(
            e => string.Equals(e.Identifier, identifier, StringComparison.Ordinal));
        if (stale is null)
        {
            return DecisionResult.Refused(
                $"The entity {identifier} is not listed as stale in the last read; refresh and try again.");
        }

        if (stale.IsLinked)
        {
            return DecisionResult.Refused(
                $"The entity {identifier} is still linked from {string.Join(", ", stale.LinkedPortUsers)}; "
                + "it is kept so that no relation is left pointing at nothing.");
        }

        var outcome = await port.RemoveHibobUserAsync(identifier, cancellationToken);
        if (!outcome.Succeeded)
        {
            return DecisionResult.Refused($"Port did not remove the entity {identifier}: {outcome.Message}");
        }

        var message = $"Removed the stale hibob_user entity {identifier}"
            + (stale.Title is null ? "." : $" ({stale.Title}).");
        await audit.RecordAsync(actor, AuditAction.EntityRemoved, identifier, message, cancellationToken);
        if (snapshots.Current is { } current)
        {
            var remaining = current.Plan.StaleEntities.Where(e => !ReferenceEquals(e, stale)).ToList();
            snapshots.Replace(current with { Plan = current.Plan with { StaleEntities = remaining } });
        }

        return DecisionResult.Done(message);
    }
}
