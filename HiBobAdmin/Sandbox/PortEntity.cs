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

    public JsonObject ToStored() => new()
    {
        ["identifier"] = Identifier,
        ["title"] = Title,
        ["icon"] = Icon,
        ["team"] = Team.DeepClone(),
        ["properties"] = Properties.DeepClone(),
        ["relations"] = Relations.DeepClone(),
        ["createdAt"] = CreatedAt,
        ["updatedAt"] = UpdatedAt,
    };

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
