namespace HiBobAdmin.Matching;

/// <summary>A <c>hibob_user</c> entity whose employee HiBob no longer returns.</summary>
/// <param name="Identifier">The entity identifier (the former HiBob employee id).</param>
/// <param name="Title">The name the entity carries, for the list.</param>
/// <param name="LinkedPortUsers">
/// Port users whose relation still points at it; such an entity is never removed by a sync, since the relation
/// would be left dangling.
/// </param>
public sealed record StaleEntity(string Identifier, string? Title, IReadOnlyList<string> LinkedPortUsers)
{
    public bool IsLinked => LinkedPortUsers.Count > 0;
}
