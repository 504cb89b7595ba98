using System.Text.Json.Serialization;

namespace HiBobAdmin.HiBob;

/// <summary>Body of <c>POST /v1/people/{identifier}</c> in machine format.</summary>
public sealed record PeopleReadRequest([property: JsonPropertyName("fields")] IReadOnlyList<string> Fields);
