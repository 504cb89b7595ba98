using HiBobAdmin.Matching;

namespace HiBobAdmin.Port;

/// <summary>
/// Reads and writes the Port catalogue through the REST API. Failures that end a run surface as
/// <see cref="Infrastructure.VendorApiException"/>; a failed item of a bulk write is an outcome, not an exception.
/// </summary>
public interface IPortCatalog
{
    /// <summary>
    /// <c>_user</c> entities through the paginated blueprint search; all of them when
    /// <paramref name="identifiers"/> is null, else only those identifiers (spelled exactly).
    /// </summary>
    Task<IReadOnlyList<PortUser>> ReadUsersAsync(
        IReadOnlyCollection<string>? identifiers,
        CancellationToken cancellationToken);

    /// <summary><c>hibob_user</c> entities, all of them or only the given identifiers (employee ids).</summary>
    Task<IReadOnlyList<HibobUserEntity>> ReadHibobUsersAsync(
        IReadOnlyCollection<string>? identifiers,
        CancellationToken cancellationToken);

    /// <summary>Bulk upserts (merge) of <c>hibob_user</c> entities, 20 per request; one outcome per write, in order.</summary>
    Task<IReadOnlyList<PortWriteOutcome>> WriteHibobUsersAsync(
        IReadOnlyList<HibobUserWrite> writes,
        IProgress<int>? progress,
        CancellationToken cancellationToken);

    /// <summary>Bulk upserts (merge) of <c>_user</c> relations, identifier and relation only; one outcome per write.</summary>
    Task<IReadOnlyList<PortWriteOutcome>> WriteUserLinksAsync(
        IReadOnlyList<UserLinkWrite> writes,
        IProgress<int>? progress,
        CancellationToken cancellationToken);

    /// <summary>
    /// Deletes one <c>hibob_user</c> entity, never its dependents; an entity Port no longer has counts as removed.
    /// There is deliberately no way to delete a <c>_user</c>.
    /// </summary>
    Task<PortWriteOutcome> RemoveHibobUserAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>
    /// Sets one <c>_user</c>'s status to Disabled with a PATCH that carries the status and nothing else; never a
    /// delete. A failure (an unknown user included) is an outcome with Port's message.
    /// </summary>
    Task<PortWriteOutcome> DisableUserAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>Whether the <c>hibob_user</c> blueprint and the <c>_user</c> relation and mirror property exist.</summary>
    Task<DataModelStatus> CheckDataModelAsync(CancellationToken cancellationToken);

    /// <summary>Creates or completes the data model, keeping everything the customer already has. Idempotent.</summary>
    Task<DataModelStatus> EnsureDataModelAsync(CancellationToken cancellationToken);

    /// <summary>Fetches a token and makes one cheap read; says what it called and what came back.</summary>
    Task<Infrastructure.ConnectionCheck> CheckConnectionAsync(CancellationToken cancellationToken);
}

/// <summary>What Port answered for one write of a bulk request.</summary>
/// <param name="Identifier">The entity identifier that was sent.</param>
/// <param name="Succeeded">True when Port listed the item in <c>entities[]</c>.</param>
/// <param name="Created">True when Port says it created the entity.</param>
/// <param name="Message">Port's message for a failed item (e.g. "Port 404: Related entity … was not found").</param>
public sealed record PortWriteOutcome(string Identifier, bool Succeeded, bool Created, string? Message);

/// <summary>The state of the Port data model that the sync needs.</summary>
/// <param name="IsReady">True when nothing is missing.</param>
/// <param name="Missing">What is missing, in words (e.g. "blueprint hibob_user", "_user relation hibob_user").</param>
/// <param name="Changed">What the last ensure call created or added; empty for a check.</param>
public sealed record DataModelStatus(bool IsReady, IReadOnlyList<string> Missing, IReadOnlyList<string> Changed);
