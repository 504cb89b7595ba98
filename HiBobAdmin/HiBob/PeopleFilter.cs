using System.Text.Json.Serialization;

namespace HiBobAdmin.HiBob;

/// <summary>
/// One people-search filter. HiBob accepts only <c>root.id</c> or <c>root.email</c> with <c>equals</c>, and at most
/// one filter per request.
/// </summary>
public sealed record PeopleFilter(
    [property: JsonPropertyName("fieldPath")] string FieldPath,
    [property: JsonPropertyName("operator")] string Operator,
    [property: JsonPropertyName("values")] IReadOnlyList<string> Values)
{
    /// <summary>Employees whose work email equals one of <paramref name="emails"/>.</summary>
    public static PeopleFilter ByEmail(params IReadOnlyList<string> emails) => new("root.email", "equals", emails);

    /// <summary>Employees whose backend id equals one of <paramref name="ids"/>.</summary>
    public static PeopleFilter ById(params IReadOnlyList<string> ids) => new("root.id", "equals", ids);
}
