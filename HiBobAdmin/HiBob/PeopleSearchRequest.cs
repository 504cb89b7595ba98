using System.Text.Json.Serialization;

namespace HiBobAdmin.HiBob;

/// <summary>
/// Body of <c>POST /v1/people/search</c> in machine format (no <c>humanReadable</c>). HiBob answers 400 to
/// <c>"filters": null</c> and may to <c>"filters": []</c>, so an empty list becomes null and null is not written (B03).
/// </summary>
public sealed record PeopleSearchRequest(
    [property: JsonPropertyName("fields")] IReadOnlyList<string> Fields,
    [property: JsonPropertyName("showInactive")] bool ShowInactive,
    IReadOnlyList<PeopleFilter>? Filters)
{
    [JsonPropertyName("filters")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<PeopleFilter>? Filters { get; init; } = Filters is { Count: > 0 } ? Filters : null;
}
