using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>A stored Port entity. Mutated only under the state lock; handed out only as rendered copies.</summary>
internal sealed class PortEntity
{
    public required string Identifier { get; init; }

    public string? Title { get; set; }

    public string? Icon { get; set; }

    public JsonArray Team { get; set; } = [];

    /// <summary>Stored property values (mirror properties are computed when rendered).</summary>
    public JsonObject Properties { get; set; } = [];

    /// <summary>Stored relation values: a target identifier, an array of them, or absent.</summary>
    public JsonObject Relations { get; set; } = [];

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Writes the entity as the state file stores it (not as the API renders it).</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("identifier", Identifier);
        writer.WriteString("title", Title);
        writer.WriteString("icon", Icon);
        writer.WritePropertyName("team");
        Team.WriteTo(writer);
        writer.WritePropertyName("properties");
        Properties.WriteTo(writer);
        writer.WritePropertyName("relations");
        Relations.WriteTo(writer);
        writer.WriteString("createdAt", CreatedAt);
        writer.WriteString("updatedAt", UpdatedAt);
        writer.WriteEndObject();
    }

    public static PortEntity FromStored(JsonObject stored) => new()
    {
        Identifier = stored["identifier"]!.GetValue<string>(),
        Title = stored["title"]?.GetValue<string>(),
        Icon = stored["icon"]?.GetValue<string>(),
        Team = stored["team"]?.DeepClone().AsArray() ?? [],
        Properties = stored["properties"]?.DeepClone().AsObject() ?? [],
        Relations = stored["relations"]?.DeepClone().AsObject() ?? [],
        CreatedAt = stored["createdAt"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.UnixEpoch,
        UpdatedAt = stored["updatedAt"]?.GetValue<DateTimeOffset>() ?? DateTimeOffset.UnixEpoch,
    };
}
