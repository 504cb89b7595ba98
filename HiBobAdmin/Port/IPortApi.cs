using System.Text.Json.Nodes;
using Refit;

namespace HiBobAdmin.Port;

/// <summary>
/// The Port routes HiBobAdmin uses. Raw responses: <see cref="PortErrors"/> reads status and body in one place.
/// Deliberately absent: the unpaginated <c>GET …/entities</c> list (times out on large catalogues), every bulk or
/// blueprint-wide DELETE (deleting a <c>_user</c> deletes the person's account) and
/// <c>create_missing_related_entities</c>.
/// </summary>
internal interface IPortApi
{
    /// <summary>Paginated search of one blueprint; send <c>next</c> back as <c>from</c>.</summary>
    [Post("/v1/blueprints/{blueprint}/entities/search")]
    Task<HttpResponseMessage> SearchEntitiesAsync(
        string blueprint,
        [Body(buffered: true)] JsonObject body,
        CancellationToken cancellationToken);

    /// <summary>Create-or-partial-update of at most 20 entities; answers 200 or 207 with per-item results.</summary>
    [Post("/v1/blueprints/{blueprint}/entities/bulk?upsert=true&merge=true")]
    Task<HttpResponseMessage> UpsertEntitiesAsync(
        string blueprint,
        [Body(buffered: true)] JsonObject body,
        CancellationToken cancellationToken);

    /// <summary>
    /// Deletes one entity. <c>delete_dependents</c> is always false: with true Port also deletes the entities related
    /// to this one, which for a <c>hibob_user</c> would be the person's <c>_user</c> (decision 0018).
    /// </summary>
    [Delete("/v1/blueprints/{blueprint}/entities/{identifier}?delete_dependents=false")]
    Task<HttpResponseMessage> DeleteEntityAsync(string blueprint, string identifier, CancellationToken cancellationToken);

    /// <summary>
    /// Partial update of one entity; Port answers 404 rather than creating it. Used only to change a <c>_user</c>'s
    /// status, so the body holds that one property (decision 0045).
    /// </summary>
    [Patch("/v1/blueprints/{blueprint}/entities/{identifier}")]
    Task<HttpResponseMessage> PatchEntityAsync(
        string blueprint,
        string identifier,
        [Body(buffered: true)] JsonObject changes,
        CancellationToken cancellationToken);

    [Get("/v1/blueprints/{blueprint}/entities-count")]
    Task<HttpResponseMessage> CountEntitiesAsync(string blueprint, CancellationToken cancellationToken);

    [Get("/v1/blueprints/{identifier}")]
    Task<HttpResponseMessage> GetBlueprintAsync(string identifier, CancellationToken cancellationToken);

    [Post("/v1/blueprints")]
    Task<HttpResponseMessage> CreateBlueprintAsync(
        [Body(buffered: true)] JsonObject blueprint,
        CancellationToken cancellationToken);

    [Patch("/v1/blueprints/{identifier}")]
    Task<HttpResponseMessage> UpdateBlueprintAsync(
        string identifier,
        [Body(buffered: true)] JsonObject changes,
        CancellationToken cancellationToken);
}
