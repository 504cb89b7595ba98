using System.Text.Json;
using System.Text.Json.Nodes;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Port;

/// <summary>
/// Port entity JSON to and from the matching records. Reading is tolerant (a customer's blueprint may hold a number
/// or a string where we expect the other); writing sends exactly what the sync means.
/// </summary>
internal static class PortEntityMapper
{
    public static IReadOnlyList<string> UserSearchFields { get; } =
        ["$identifier", "$title", "status", "port_type", "port_role", HibobUserBlueprint.UserRelation];

    public static IReadOnlyList<string> HibobUserSearchFields { get; } =
        ["$identifier", "$title", .. HibobUserBlueprint.Properties.Select(p => p.Key)];

    /// <summary>A <c>_user</c> entity; null when it has no identifier.</summary>
    public static PortUser? ToPortUser(JsonObject entity)
    {
        ArgumentNullException.ThrowIfNull(entity);

        if (Text(entity["identifier"]) is not { } identifier)
        {
            return null;
        }

        var properties = entity["properties"] as JsonObject;
        return new PortUser(
            identifier,
            Text(entity["title"]),
            Text(properties?["status"]),
            Text(properties?["port_type"]),
            RelationTarget((entity["relations"] as JsonObject)?[HibobUserBlueprint.UserRelation]))
        {
            Role = Text(properties?["port_role"]),
        };
    }

    /// <summary>A <c>hibob_user</c> entity; absent properties are null. Null when it has no identifier.</summary>
    public static HibobUserEntity? ToHibobUser(JsonObject entity)
    {
        ArgumentNullException.ThrowIfNull(entity);

        if (Text(entity["identifier"]) is not { } identifier)
        {
            return null;
        }

        var p = entity["properties"] as JsonObject ?? [];
        var properties = new HibobUserProperties
        {
            Id = Text(p[HibobUserBlueprint.Id]),
            DisplayName = Text(p[HibobUserBlueprint.DisplayName]),
            FirstName = Text(p[HibobUserBlueprint.FirstName]),
            Surname = Text(p[HibobUserBlueprint.Surname]),
            FullName = Text(p[HibobUserBlueprint.FullName]),
            Email = Text(p[HibobUserBlueprint.Email]),
            CompanyId = Text(p[HibobUserBlueprint.CompanyId]),
            State = Text(p[HibobUserBlueprint.State]),
            AvatarUrl = Text(p[HibobUserBlueprint.AvatarUrl]),
            CoverImageUrl = Text(p[HibobUserBlueprint.CoverImageUrl]),
            CreationDatetime = Text(p[HibobUserBlueprint.CreationDatetime]),
            CreationDate = Text(p[HibobUserBlueprint.CreationDate]),
            IsManager = Flag(p[HibobUserBlueprint.IsManager]),
            DurationOfEmployment = Text(p[HibobUserBlueprint.DurationOfEmployment]),
            Department = Text(p[HibobUserBlueprint.Department]),
            WorkTitle = Text(p[HibobUserBlueprint.WorkTitle]),
        };
        return new HibobUserEntity(identifier, Text(entity["title"]), properties);
    }

    /// <summary>
    /// The bulk item for a <c>hibob_user</c> write. Every property is sent, null included, so that a value removed in
    /// HiBob is cleared in Port; a state-only write (a leaver) carries nothing but the state.
    /// </summary>
    public static JsonObject ToBody(HibobUserWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);

        var entity = write.Entity;
        var p = entity.Properties;
        if (write.Kind == HibobUserWriteKind.StateOnly)
        {
            return new JsonObject
            {
                ["identifier"] = entity.Identifier,
                ["properties"] = new JsonObject { [HibobUserBlueprint.State] = p.State },
            };
        }

        var body = new JsonObject { ["identifier"] = entity.Identifier };

        // Port's bulk schema types title as a string: leave it out rather than send null.
        if (entity.Title is not null)
        {
            body["title"] = entity.Title;
        }

        body["properties"] = new JsonObject
        {
            [HibobUserBlueprint.Id] = p.Id,
            [HibobUserBlueprint.DisplayName] = p.DisplayName,
            [HibobUserBlueprint.FirstName] = p.FirstName,
            [HibobUserBlueprint.Surname] = p.Surname,
            [HibobUserBlueprint.FullName] = p.FullName,
            [HibobUserBlueprint.Email] = p.Email,
            [HibobUserBlueprint.CompanyId] = p.CompanyId,
            [HibobUserBlueprint.State] = p.State,
            [HibobUserBlueprint.AvatarUrl] = p.AvatarUrl,
            [HibobUserBlueprint.CoverImageUrl] = p.CoverImageUrl,
            [HibobUserBlueprint.CreationDatetime] = p.CreationDatetime,
            [HibobUserBlueprint.CreationDate] = p.CreationDate,
            [HibobUserBlueprint.IsManager] = p.IsManager,
            [HibobUserBlueprint.DurationOfEmployment] = p.DurationOfEmployment,
            [HibobUserBlueprint.Department] = p.Department,
            [HibobUserBlueprint.WorkTitle] = p.WorkTitle,
        };
        return body;
    }

    /// <summary>
    /// The bulk item for a <c>_user</c> link: identifier and relation only. A title would rename the person and
    /// properties belong to Port (B07).
    /// </summary>
    public static JsonObject ToBody(UserLinkWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);

        return new JsonObject
        {
            ["identifier"] = write.PortUserIdentifier,
            ["relations"] = new JsonObject { [HibobUserBlueprint.UserRelation] = write.EmployeeId },
        };
    }

    /// <summary>A scalar as text (numbers and booleans invariant); null for null, objects and arrays.</summary>
    internal static string? Text(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => null,
        };
    }

    private static bool? Flag(JsonNode? node)
    {
        if (node is not JsonValue value)
        {
            return null;
        }

        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.String when bool.TryParse(value.GetValue<string>().Trim(), out var parsed) => parsed,
            _ => null,
        };
    }

    /// <summary>A relation value: a string, the first string of an array, else null.</summary>
    private static string? RelationTarget(JsonNode? node) => node switch
    {
        JsonValue => Text(node),
        JsonArray array => array.Select(Text).FirstOrDefault(t => t is not null),
        _ => null,
    };
}
