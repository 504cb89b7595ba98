using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// Port's blueprints and entities, with the write rules the published API enforces. Not thread-safe: the caller
/// holds the sandbox lock.
/// </summary>
internal sealed class PortCatalog
{
    public const string UserBlueprint = "_user";

    /// <summary>Port-managed <c>_user</c> properties: kept on replace, and their definitions cannot change.</summary>
    public static IReadOnlyList<string> UserManagedProperties { get; } =
        ["status", "port_role", "port_type", "moderated_blueprints"];

    private const string Actor = "sandbox";

    private static readonly HashSet<string> ProtectedBlueprints = new(StringComparer.Ordinal) { "_user", "_team" };

    private static readonly string[] MapSections =
        ["relations", "mirrorProperties", "calculationProperties", "aggregationProperties"];

    private static readonly HashSet<string> BlueprintPatchKeys = new(StringComparer.Ordinal)
    {
        "identifier", "title", "icon", "description", "schema", "relations", "mirrorProperties",
        "calculationProperties", "aggregationProperties", "ownership", "teamInheritance", "changelogDestination",
    };

    private static readonly HashSet<string> EntityPatchKeys = new(StringComparer.Ordinal)
    {
        "identifier", "title", "icon", "team", "properties", "relations",
    };

    private readonly Dictionary<string, JsonObject> _blueprints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntitySet> _entities = new(StringComparer.Ordinal);

    public bool HasBlueprint(string blueprint) => _blueprints.ContainsKey(blueprint);

    public JsonObject? GetBlueprint(string blueprint) =>
        _blueprints.TryGetValue(blueprint, out var found) ? found.DeepClone().AsObject() : null;

    public JsonArray ListBlueprints() =>
        [.. _blueprints.Values.OrderBy(b => b["identifier"]!.GetValue<string>(), StringComparer.Ordinal)
            .Select(b => b.DeepClone())];

    /// <summary>Adds a blueprint without validation (seed and state file).</summary>
    public void AddBlueprint(JsonObject blueprint)
    {
        var id = blueprint["identifier"]!.GetValue<string>();
        _blueprints[id] = blueprint;
        if (!_entities.ContainsKey(id))
        {
            _entities[id] = new EntitySet();
        }
    }

    /// <summary>Stores an entity as given, replacing one with the same identifier (seed, state file, hooks).</summary>
    public void PutEntity(string blueprint, PortEntity entity) => Set(blueprint).Put(entity);

    public PortEntity? FindEntity(string blueprint, string identifier) =>
        _entities.TryGetValue(blueprint, out var set) ? set.Find(identifier) : null;

    public IReadOnlyList<PortEntity> Entities(string blueprint) =>
        _entities.TryGetValue(blueprint, out var set) ? set.InOrder() : [];

    public bool RemoveEntity(string blueprint, string identifier) =>
        _entities.TryGetValue(blueprint, out var set) && set.Remove(identifier);

    public int RemoveAllEntities(string blueprint)
    {
        if (!_entities.TryGetValue(blueprint, out var set))
        {
            return 0;
        }

        var count = set.Count;
        _entities[blueprint] = new EntitySet();
        return count;
    }

    public PortOutcome CreateBlueprint(JsonNode? body, DateTimeOffset now)
    {
        if (body is not JsonObject request)
        {
            return PortOutcome.Error(422, "invalid_request", "The body must be a JSON object.");
        }

        if (request["identifier"] is not JsonValue idValue || !idValue.TryGetValue<string>(out var id)
            || id.Length > PortPatterns.MaxBlueprintIdentifierLength || !PortPatterns.BlueprintIdentifier().IsMatch(id))
        {
            return PortOutcome.Error(422, "invalid_request", "identifier is required and must be a valid identifier.");
        }

        if (request["title"] is not JsonValue titleValue || !titleValue.TryGetValue<string>(out _))
        {
            return PortOutcome.Error(422, "invalid_request", "title is required and must be a string.");
        }

        if (request["schema"] is not JsonObject)
        {
            return PortOutcome.Error(422, "invalid_request", "schema is required and must be an object.");
        }

        if (_blueprints.ContainsKey(id))
        {
            return PortOutcome.Error(409, "identifier_taken", $"A blueprint with identifier \"{id}\" already exists.");
        }

        var unknown = request.Select(p => p.Key).FirstOrDefault(key => !BlueprintPatchKeys.Contains(key));
        if (unknown is not null)
        {
            return PortOutcome.Error(422, "invalid_request", $"Unknown blueprint field \"{unknown}\".");
        }

        var blueprint = NewBlueprint(id, now);
        ApplyBlueprintFields(blueprint, request, mergeSchema: false);
        var error = ValidateBlueprint(blueprint);
        if (error is not null)
        {
            return PortOutcome.Error(422, "invalid_request", error);
        }

        AddBlueprint(blueprint);
        return PortOutcome.Ok("blueprint", blueprint.DeepClone(), StatusCodes.Status201Created);
    }

    public PortOutcome PatchBlueprint(string id, JsonNode? body, DateTimeOffset now)
    {
        if (!_blueprints.TryGetValue(id, out var existing))
        {
            return PortOutcome.Error(404, "not_found", $"Blueprint with identifier \"{id}\" was not found.");
        }

        if (body is not JsonObject request)
        {
            return PortOutcome.Error(422, "invalid_request", "The body must be a JSON object.");
        }

        var unknown = request.Select(p => p.Key).FirstOrDefault(key => !BlueprintPatchKeys.Contains(key));
        if (unknown is not null)
        {
            return PortOutcome.Error(422, "invalid_request", $"Unknown blueprint field \"{unknown}\".");
        }

        if (request.TryGetPropertyValue("identifier", out var sentId)
            && (sentId?.GetValueKind() != JsonValueKind.String || sentId.GetValue<string>() != id))
        {
            return PortOutcome.Error(422, "invalid_request", "The sandbox does not rename blueprints.");
        }

        var candidate = existing.DeepClone().AsObject();
        ApplyBlueprintFields(candidate, request, mergeSchema: true);
        var error = ValidateBlueprint(candidate) ?? ValidateManagedProperties(id, existing, candidate);
        if (error is not null)
        {
            return PortOutcome.Error(422, "invalid_request", error);
        }

        candidate["updatedAt"] = Timestamp(now);
        _blueprints[id] = candidate;
        DropStaleRelationValues(id, existing, candidate);
        return PortOutcome.Ok("blueprint", candidate.DeepClone());
    }

    /// <summary>
    /// Validates and applies one entity write. Nothing changes when an error is returned; missing related entities
    /// are created only when the whole write is valid.
    /// </summary>
    public PortWriteResult Write(
        string blueprint,
        JsonNode? item,
        PortWriteMode mode,
        bool createMissingRelated,
        string? routeIdentifier,
        DateTimeOffset now)
    {
        var definition = _blueprints[blueprint];
        if (item is not JsonObject sent)
        {
            return PortWriteResult.Failed(PortItemError.Invalid("The entity must be a JSON object."));
        }

        var identifier = routeIdentifier;
        var identifierError = ReadIdentifier(sent, ref identifier, mode == PortWriteMode.Patch);
        if (identifierError is not null)
        {
            return PortWriteResult.Failed(identifierError);
        }

        if (mode == PortWriteMode.Patch
            && sent.Select(p => p.Key).FirstOrDefault(key => !EntityPatchKeys.Contains(key)) is { } unknownKey)
        {
            return PortWriteResult.Failed(PortItemError.Invalid($"Unknown entity field \"{unknownKey}\"."), identifier);
        }

        var missingRelated = new List<(string Blueprint, string Identifier)>();
        var error = ValidateMeta(sent)
            ?? ValidateProperties(definition, sent)
            ?? ValidateRelations(definition, sent, createMissingRelated, missingRelated);
        if (error is not null)
        {
            return PortWriteResult.Failed(error, identifier);
        }

        var set = Set(blueprint);
        var existing = set.Find(identifier!);
        if (existing is null && mode == PortWriteMode.Patch)
        {
            return PortWriteResult.Failed(
                PortItemError.NotFound(EntityNotFoundMessage(blueprint, identifier!)),
                identifier);
        }

        if (existing is not null && mode == PortWriteMode.Create)
        {
            return PortWriteResult.Failed(
                PortItemError.Conflict($"Entity \"{identifier}\" already exists in blueprint {blueprint}."),
                identifier);
        }

        if (existing is null && blueprint == UserBlueprint && set.FindIgnoringCase(identifier!) is { } clash)
        {
            // The sandbox treats Port users as unique by email regardless of case, so a client that writes a
            // re-cased identifier sees a conflict instead of silently creating a second user.
            return PortWriteResult.Failed(
                PortItemError.Conflict($"A user with email \"{clash.Identifier}\" already exists."),
                identifier);
        }

        var result = existing is null || mode == PortWriteMode.Replace
            ? Build(blueprint, identifier!, sent, existing, now)
            : Merge(existing, sent, now);
        var requiredError = ValidateRequired(definition, result);
        if (requiredError is not null)
        {
            return PortWriteResult.Failed(requiredError, identifier);
        }

        foreach (var (targetBlueprint, targetId) in missingRelated)
        {
            if (Set(targetBlueprint).Find(targetId) is null)
            {
                Set(targetBlueprint).Put(new PortEntity { Identifier = targetId, CreatedAt = now, UpdatedAt = now });
            }
        }

        set.Put(result);
        return PortWriteResult.Succeeded(result, created: existing is null);
    }

    /// <summary>Runs a blueprint-scoped search; the body follows Port's search route schema.</summary>
    public PortOutcome Search(string blueprint, JsonNode? body)
    {
        if (body is not JsonObject request)
        {
            return PortOutcome.Error(422, "invalid_request", "The body must be a JSON object.");
        }

        var unknown = request.Select(p => p.Key)
            .FirstOrDefault(key => key is not ("query" or "include" or "exclude" or "limit" or "from"));
        if (unknown is not null)
        {
            return PortOutcome.Error(422, "invalid_request", $"body must NOT have additional property \"{unknown}\".");
        }

        var limit = 200;
        if (request["limit"] is { } limitNode)
        {
            if (limitNode.GetValueKind() != JsonValueKind.Number || !limitNode.AsValue().TryGetValue<int>(out limit)
                || limit is < 1 or > 1000)
            {
                return PortOutcome.Error(422, "invalid_request", "body/limit must be an integer from 1 to 1000.");
            }
        }

        var include = ReadNames(request, "include", out var includeError);
        var exclude = ReadNames(request, "exclude", out var excludeError);
        if ((includeError ?? excludeError) is { } namesError)
        {
            return PortOutcome.Error(422, "invalid_request", namesError);
        }

        var query = request["query"];
        if (query is not null && PortQuery.Validate(query) is { } queryError)
        {
            return PortOutcome.Error(422, "invalid_request", queryError);
        }

        string? after = null;
        if (request["from"] is { } fromNode)
        {
            after = fromNode.GetValueKind() == JsonValueKind.String
                ? PortCursor.Decode(fromNode.GetValue<string>())
                : null;
            if (after is null)
            {
                return PortOutcome.Error(422, "invalid_request", "body/from is not a cursor this search returned.");
            }
        }

        var matches = query is null ? null : PortQuery.Compile(query, blueprint);
        var set = Set(blueprint);
        var ordered = set.InOrder();
        var start = after is null ? 0 : PortCursor.IndexAfter(ordered, after);
        var page = new JsonArray();
        string? next = null;
        for (var i = start; i < ordered.Length; i++)
        {
            var entity = ordered[i];
            if (matches is not null && !matches(entity))
            {
                continue;
            }

            if (page.Count == limit)
            {
                next = PortCursor.Encode(ordered[i - 1].Identifier);
                break;
            }

            page.Add(Render(blueprint, entity, include, exclude));
        }

        var response = new JsonObject { ["ok"] = true };
        if (next is not null)
        {
            response["next"] = next;
        }

        response["entities"] = page;
        return new PortOutcome(StatusCodes.Status200OK, response);
    }

    /// <summary>
    /// An entity as Port returns it: every schema property and relation (null when unset), mirror properties
    /// resolved through their relation, and meta fields. <paramref name="include"/> and <paramref name="exclude"/>
    /// take property and relation ids and <c>$</c>-prefixed meta ids, as the search route does.
    /// </summary>
    public JsonObject Render(
        string blueprint,
        PortEntity entity,
        IReadOnlySet<string>? include = null,
        IReadOnlySet<string>? exclude = null)
    {
        bool Want(string key) =>
            (include is null || include.Contains(key)) && (exclude is null || !exclude.Contains(key));

        var definition = _blueprints[blueprint];
        var rendered = new JsonObject();
        if (Want("$identifier"))
        {
            rendered["identifier"] = entity.Identifier;
        }

        if (Want("$title"))
        {
            rendered["title"] = entity.Title;
        }

        if (entity.Icon is not null && Want("$icon"))
        {
            rendered["icon"] = entity.Icon;
        }

        if (Want("$blueprint"))
        {
            rendered["blueprint"] = blueprint;
        }

        if (Want("$team"))
        {
            rendered["team"] = entity.Team.DeepClone();
        }

        var properties = new JsonObject();
        foreach (var (key, _) in Section(definition["schema"], "properties"))
        {
            if (Want(key))
            {
                properties[key] = entity.Properties[key]?.DeepClone();
            }
        }

        foreach (var (key, mirror) in Section(definition, "mirrorProperties"))
        {
            if (Want(key))
            {
                properties[key] = ResolveMirror(definition, entity, mirror?["path"]?.GetValue<string>());
            }
        }

        if (include is null || properties.Count > 0)
        {
            rendered["properties"] = properties;
        }

        var relations = new JsonObject();
        foreach (var (key, relation) in Section(definition, "relations"))
        {
            if (Want(key))
            {
                var many = relation?["many"]?.GetValue<bool>() == true;
                relations[key] = entity.Relations[key]?.DeepClone() ?? (many ? new JsonArray() : null);
            }
        }

        if (include is null || relations.Count > 0)
        {
            rendered["relations"] = relations;
        }

        if (Want("$createdAt"))
        {
            rendered["createdAt"] = Timestamp(entity.CreatedAt);
            rendered["createdBy"] = Actor;
        }

        if (Want("$updatedAt"))
        {
            rendered["updatedAt"] = Timestamp(entity.UpdatedAt);
            rendered["updatedBy"] = Actor;
        }

        return rendered;
    }

    /// <summary>Writes blueprints and entities as the state file stores them.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("blueprints");
        foreach (var blueprint in _blueprints.Values)
        {
            blueprint.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("entities");
        foreach (var (blueprint, set) in _entities)
        {
            writer.WriteStartArray(blueprint);
            foreach (var entity in set.InOrder())
            {
                entity.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static PortCatalog FromStored(JsonObject stored)
    {
        var catalog = new PortCatalog();
        foreach (var blueprint in stored["blueprints"]?.AsArray() ?? [])
        {
            catalog.AddBlueprint(blueprint!.DeepClone().AsObject());
        }

        foreach (var (blueprint, entities) in stored["entities"]?.AsObject() ?? [])
        {
            foreach (var entity in entities?.AsArray() ?? [])
            {
                catalog.PutEntity(blueprint, PortEntity.FromStored(entity!.AsObject()));
            }
        }

        return catalog;
    }

    public static JsonObject NewBlueprint(string id, DateTimeOffset now) => new()
    {
        ["identifier"] = id,
        ["title"] = id,
        ["schema"] = new JsonObject { ["properties"] = new JsonObject(), ["required"] = new JsonArray() },
        ["mirrorProperties"] = new JsonObject(),
        ["calculationProperties"] = new JsonObject(),
        ["aggregationProperties"] = new JsonObject(),
        ["relations"] = new JsonObject(),
        ["createdAt"] = Timestamp(now),
        ["createdBy"] = Actor,
        ["updatedAt"] = Timestamp(now),
        ["updatedBy"] = Actor,
    };

    public static string EntityNotFoundMessage(string blueprint, string identifier) =>
        $"Entity with identifier \"{identifier}\" of blueprint {blueprint} was not found.";

    /// <summary>Port's timestamp form: UTC with milliseconds and a Z.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static IEnumerable<KeyValuePair<string, JsonNode?>> Section(JsonNode? parent, string name) =>
        parent?[name] as JsonObject ?? [];

    private static void ApplyBlueprintFields(JsonObject blueprint, JsonObject request, bool mergeSchema)
    {
        foreach (var (key, value) in request)
        {
            if (key == "identifier")
            {
                continue;
            }

            if (key == "schema" && mergeSchema && value is JsonObject schema)
            {
                var target = blueprint["schema"]!.AsObject();
                if (schema["properties"] is JsonObject properties)
                {
                    var targetProperties = target["properties"]!.AsObject();
                    foreach (var (name, definition) in properties)
                    {
                        targetProperties[name] = definition?.DeepClone();
                    }
                }

                if (schema["required"] is { } required)
                {
                    target["required"] = required.DeepClone();
                }

                continue;
            }

            blueprint[key] = value?.DeepClone();
        }

        var finalSchema = blueprint["schema"]!.AsObject();
        finalSchema["properties"] ??= new JsonObject();
        finalSchema["required"] ??= new JsonArray();
        foreach (var section in MapSections)
        {
            blueprint[section] ??= new JsonObject();
        }
    }

    private string? ValidateBlueprint(JsonObject blueprint)
    {
        if (blueprint["schema"]?["properties"] is not JsonObject properties)
        {
            return "schema.properties must be an object.";
        }

        foreach (var (key, definition) in properties)
        {
            if (!IsKey(key) || definition is not JsonObject
                || definition["type"]?.GetValueKind() != JsonValueKind.String)
            {
                return $"schema.properties.{key} must be an object with a type and a valid key.";
            }
        }

        foreach (var section in MapSections)
        {
            if (blueprint[section] is not JsonObject)
            {
                return $"{section} must be an object.";
            }
        }

        var relations = blueprint["relations"]!.AsObject();
        foreach (var (key, relation) in relations)
        {
            if (!IsKey(key) || relation is not JsonObject)
            {
                return $"relations.{key} must be an object with a valid key.";
            }

            if (relation["target"] is not JsonValue target || !target.TryGetValue<string>(out var targetId))
            {
                return $"relations.{key}.target is required.";
            }

            if (relation["required"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)
                || relation["many"]?.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
            {
                return $"relations.{key} needs boolean required and many.";
            }

            var self = blueprint["identifier"]!.GetValue<string>();
            if (targetId != self && !_blueprints.ContainsKey(targetId))
            {
                return $"Relation {key} targets blueprint \"{targetId}\", which does not exist.";
            }
        }

        foreach (var (key, mirror) in blueprint["mirrorProperties"]!.AsObject())
        {
            if (!IsKey(key) || mirror?["path"] is not JsonValue pathValue
                || !pathValue.TryGetValue<string>(out var path))
            {
                return $"mirrorProperties.{key} needs a path.";
            }

            var dot = path.IndexOf('.', StringComparison.Ordinal);
            var relationId = dot < 0 ? path : path[..dot];
            var propertyId = dot < 0 ? string.Empty : path[(dot + 1)..];
            if (relations[relationId] is not JsonObject relation)
            {
                return $"Mirror property {key} has path \"{path}\", but relation \"{relationId}\" does not exist.";
            }

            var targetId = relation["target"]!.GetValue<string>();
            var target = targetId == blueprint["identifier"]!.GetValue<string>() ? blueprint : _blueprints[targetId];
            if (propertyId.Length == 0
                || !propertyId.StartsWith('$') && target["schema"]?["properties"]?[propertyId] is null)
            {
                return $"Mirror property {key} has path \"{path}\", "
                    + $"but blueprint {targetId} has no property \"{propertyId}\".";
            }
        }

        return null;
    }

    private static string? ValidateManagedProperties(string id, JsonObject before, JsonObject after)
    {
        if (id != UserBlueprint)
        {
            return null;
        }

        foreach (var key in UserManagedProperties)
        {
            if (!JsonNode.DeepEquals(before["schema"]?["properties"]?[key], after["schema"]?["properties"]?[key]))
            {
                return $"The default property \"{key}\" of _user cannot be changed.";
            }
        }

        return null;
    }

    private void DropStaleRelationValues(string blueprint, JsonObject before, JsonObject after)
    {
        foreach (var (key, relation) in before["relations"]!.AsObject())
        {
            var kept = after["relations"]![key];
            if (kept is not null && JsonNode.DeepEquals(kept["target"], relation?["target"]))
            {
                continue;
            }

            foreach (var entity in Set(blueprint).InOrder())
            {
                entity.Relations.Remove(key);
            }
        }
    }

    private static PortItemError? ReadIdentifier(JsonObject sent, ref string? identifier, bool fromRoute)
    {
        var node = sent["identifier"];
        if (fromRoute)
        {
            if (node is not null
                && (node.GetValueKind() != JsonValueKind.String || node.GetValue<string>() != identifier))
            {
                return PortItemError.Invalid("The sandbox does not rename entities; identifier must match the route.");
            }

            return null;
        }

        if (node is null)
        {
            return PortItemError.Invalid("identifier is required.");
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            return PortItemError.Invalid("identifier must be a string (search-query identifiers are not supported).");
        }

        identifier = node.GetValue<string>();
        if (!PortPatterns.IsEntityIdentifier(identifier))
        {
            return PortItemError.Invalid(
                "identifier must match pattern \"" + PortPatterns.EntityIdentifier() + "\" and be at most "
                + $"{PortPatterns.MaxEntityIdentifierLength} characters.");
        }

        return null;
    }

    private static PortItemError? ValidateMeta(JsonObject sent)
    {
        foreach (var key in (string[])["title", "icon"])
        {
            if (sent[key] is { } value && value.GetValueKind() != JsonValueKind.String)
            {
                return PortItemError.Invalid($"{key} must be a string or null.");
            }
        }

        if (sent["team"] is { } team && team.GetValueKind() != JsonValueKind.String
            && !(team is JsonArray teams && teams.All(t => t?.GetValueKind() == JsonValueKind.String)))
        {
            return PortItemError.Invalid("team must be a string or an array of strings.");
        }

        if (sent.ContainsKey("properties") && sent["properties"] is not JsonObject)
        {
            return PortItemError.Invalid("properties must be an object.");
        }

        if (sent.ContainsKey("relations") && sent["relations"] is not JsonObject)
        {
            return PortItemError.Invalid("relations must be an object.");
        }

        return null;
    }

    private static PortItemError? ValidateProperties(JsonObject definition, JsonObject sent)
    {
        if (sent["properties"] is not JsonObject properties)
        {
            return null;
        }

        var schema = definition["schema"]!["properties"]!.AsObject();
        foreach (var (key, value) in properties)
        {
            if (schema[key] is not JsonObject property)
            {
                return PortItemError.Invalid($"property {key} is not allowed");
            }

            if (value is null)
            {
                continue;
            }

            var type = property["type"]?.GetValue<string>();
            var kind = value.GetValueKind();
            var typeMatches = type switch
            {
                "string" => kind == JsonValueKind.String,
                "number" => kind == JsonValueKind.Number,
                "boolean" => kind is JsonValueKind.True or JsonValueKind.False,
                "array" => kind == JsonValueKind.Array,
                "object" => kind == JsonValueKind.Object,
                _ => true,
            };
            if (!typeMatches)
            {
                return PortItemError.Invalid($"property {key} must be of type {type}");
            }

            if (property["enum"] is JsonArray allowed && !allowed.Any(option => JsonNode.DeepEquals(option, value)))
            {
                return PortItemError.Invalid($"property {key} must be one of the allowed values");
            }
        }

        return null;
    }

    private PortItemError? ValidateRelations(
        JsonObject definition,
        JsonObject sent,
        bool createMissingRelated,
        List<(string Blueprint, string Identifier)> missingRelated)
    {
        if (sent["relations"] is not JsonObject relations)
        {
            return null;
        }

        var defined = definition["relations"]!.AsObject();
        foreach (var (key, value) in relations)
        {
            if (defined[key] is not JsonObject relation)
            {
                return PortItemError.Invalid($"relation {key} is not allowed");
            }

            if (value is null)
            {
                continue;
            }

            var many = relation["many"]?.GetValue<bool>() == true;
            if (many != value is JsonArray)
            {
                return PortItemError.Invalid(many
                    ? $"relation {key} takes an array of identifiers"
                    : $"relation {key} takes one identifier (search-query relations are not supported)");
            }

            var targetBlueprint = relation["target"]!.GetValue<string>();
            JsonNode?[] targets = value is JsonArray array ? [.. array] : [value];
            foreach (var target in targets)
            {
                if (target?.GetValueKind() != JsonValueKind.String
                    || !PortPatterns.IsEntityIdentifier(target.GetValue<string>()))
                {
                    return PortItemError.Invalid($"relation {key} must hold valid entity identifiers");
                }

                var targetId = target.GetValue<string>();
                if (FindEntity(targetBlueprint, targetId) is not null)
                {
                    continue;
                }

                if (!createMissingRelated || ProtectedBlueprints.Contains(targetBlueprint))
                {
                    return PortItemError.NotFound($"Related entity {targetBlueprint}:{targetId} was not found");
                }

                missingRelated.Add((targetBlueprint, targetId));
            }
        }

        return null;
    }

    private static PortItemError? ValidateRequired(JsonObject definition, PortEntity entity)
    {
        foreach (var required in definition["schema"]?["required"]?.AsArray() ?? [])
        {
            var key = required?.GetValue<string>();
            if (key is not null && entity.Properties[key] is null)
            {
                return PortItemError.Invalid($"required property {key} is missing");
            }
        }

        foreach (var (key, relation) in Section(definition, "relations"))
        {
            if (relation?["required"]?.GetValue<bool>() == true && entity.Relations[key] is null)
            {
                return PortItemError.Invalid($"required relation {key} is missing");
            }
        }

        return null;
    }

    private static PortEntity Build(
        string blueprint,
        string identifier,
        JsonObject sent,
        PortEntity? existing,
        DateTimeOffset now)
    {
        var entity = new PortEntity
        {
            Identifier = identifier,
            Title = sent["title"]?.GetValue<string>(),
            Icon = sent["icon"]?.GetValue<string>(),
            Team = Teams(sent["team"]),
            CreatedAt = existing?.CreatedAt ?? now,
            UpdatedAt = now,
        };
        foreach (var (key, value) in sent["properties"] as JsonObject ?? [])
        {
            entity.Properties[key] = value?.DeepClone();
        }

        foreach (var (key, value) in sent["relations"] as JsonObject ?? [])
        {
            if (value is not null)
            {
                entity.Relations[key] = value.DeepClone();
            }
        }

        if (blueprint == UserBlueprint)
        {
            ApplyUserDefaults(entity, existing);
        }

        return entity;
    }

    private static void ApplyUserDefaults(PortEntity entity, PortEntity? existing)
    {
        if (existing is not null)
        {
            // A replace cannot wipe what Port manages for a real user.
            foreach (var key in UserManagedProperties)
            {
                if (!entity.Properties.ContainsKey(key) && existing.Properties[key] is { } kept)
                {
                    entity.Properties[key] = kept.DeepClone();
                }
            }

            return;
        }

        // A user created through the entities API exists but was never invited: Port reports it Staged.
        entity.Properties["status"] = "Staged";
        if (entity.Properties["port_role"] is null)
        {
            entity.Properties["port_role"] = "Member";
        }

        if (entity.Properties["port_type"] is null)
        {
            entity.Properties["port_type"] = "Standard";
        }

        entity.Properties["moderated_blueprints"] ??= new JsonArray();
    }

    private static PortEntity Merge(PortEntity existing, JsonObject sent, DateTimeOffset now)
    {
        var merged = new PortEntity
        {
            Identifier = existing.Identifier,
            Title = sent.ContainsKey("title") ? sent["title"]?.GetValue<string>() : existing.Title,
            Icon = sent.ContainsKey("icon") ? sent["icon"]?.GetValue<string>() : existing.Icon,
            Team = sent.ContainsKey("team") ? Teams(sent["team"]) : existing.Team.DeepClone().AsArray(),
            Properties = existing.Properties.DeepClone().AsObject(),
            Relations = existing.Relations.DeepClone().AsObject(),
            CreatedAt = existing.CreatedAt,
            UpdatedAt = now,
        };
        foreach (var (key, value) in sent["properties"] as JsonObject ?? [])
        {
            merged.Properties[key] = value?.DeepClone();
        }

        foreach (var (key, value) in sent["relations"] as JsonObject ?? [])
        {
            if (value is null)
            {
                merged.Relations.Remove(key);
            }
            else
            {
                merged.Relations[key] = value.DeepClone();
            }
        }

        return merged;
    }

    private static JsonArray Teams(JsonNode? team) => team switch
    {
        null => [],
        JsonArray teams => teams.DeepClone().AsArray(),
        _ => [team.DeepClone()],
    };

    private JsonNode? ResolveMirror(JsonObject definition, PortEntity entity, string? path)
    {
        if (path is null || path.IndexOf('.', StringComparison.Ordinal) is var dot && dot < 0)
        {
            return null;
        }

        var relationId = path[..dot];
        var propertyId = path[(dot + 1)..];
        if (definition["relations"]?[relationId]?["target"]?.GetValue<string>() is not { } targetBlueprint)
        {
            return null;
        }

        JsonNode? Resolve(JsonNode? targetNode)
        {
            if (targetNode?.GetValueKind() != JsonValueKind.String
                || FindEntity(targetBlueprint, targetNode.GetValue<string>()) is not { } target)
            {
                return null;
            }

            return propertyId switch
            {
                "$identifier" => target.Identifier,
                "$title" => target.Title,
                _ => target.Properties[propertyId]?.DeepClone(),
            };
        }

        var value = entity.Relations[relationId];
        return value is JsonArray many ? new JsonArray([.. many.Select(Resolve)]) : Resolve(value);
    }

    private static HashSet<string>? ReadNames(JsonObject request, string key, out string? error)
    {
        error = null;
        if (request[key] is not { } node)
        {
            return null;
        }

        if (node is not JsonArray array || array.Any(item => item?.GetValueKind() != JsonValueKind.String))
        {
            error = $"body/{key} must be an array of strings.";
            return null;
        }

        return new HashSet<string>(array.Select(item => item!.GetValue<string>()), StringComparer.Ordinal);
    }

    private static bool IsKey(string key) => key.Length <= PortPatterns.MaxKeyLength && PortPatterns.Key().IsMatch(key);

    private EntitySet Set(string blueprint)
    {
        if (!_entities.TryGetValue(blueprint, out var set))
        {
            set = new EntitySet();
            _entities[blueprint] = set;
        }

        return set;
    }

    /// <summary>Entities of one blueprint: lookup by identifier, and a cached ordinal order for paging.</summary>
    private sealed class EntitySet
    {
        private readonly Dictionary<string, PortEntity> _byId = new(StringComparer.Ordinal);
        private readonly Dictionary<string, PortEntity> _byIdIgnoringCase = new(StringComparer.OrdinalIgnoreCase);
        private PortEntity[]? _ordered;

        public int Count => _byId.Count;

        public PortEntity? Find(string identifier) => _byId.GetValueOrDefault(identifier);

        public PortEntity? FindIgnoringCase(string identifier) => _byIdIgnoringCase.GetValueOrDefault(identifier);

        public void Put(PortEntity entity)
        {
            if (!_byId.ContainsKey(entity.Identifier))
            {
                _ordered = null;
            }
            else
            {
                ReplaceInOrder(entity);
            }

            _byId[entity.Identifier] = entity;
            if (!_byIdIgnoringCase.TryGetValue(entity.Identifier, out var spelled)
                || spelled.Identifier == entity.Identifier)
            {
                _byIdIgnoringCase[entity.Identifier] = entity;
            }
        }

        public bool Remove(string identifier)
        {
            if (!_byId.Remove(identifier))
            {
                return false;
            }

            _ordered = null;
            _byIdIgnoringCase.Clear();
            foreach (var entity in _byId.Values)
            {
                _byIdIgnoringCase.TryAdd(entity.Identifier, entity);
            }

            return true;
        }

        public PortEntity[] InOrder()
        {
            if (_ordered is null)
            {
                var ordered = _byId.Values.ToArray();
                Array.Sort(ordered, (a, b) => string.CompareOrdinal(a.Identifier, b.Identifier));
                _ordered = ordered;
            }

            return _ordered;
        }

        private void ReplaceInOrder(PortEntity entity)
        {
            if (_ordered is null)
            {
                return;
            }

            var index = Array.BinarySearch(
                _ordered,
                entity,
                Comparer<PortEntity>.Create((a, b) => string.CompareOrdinal(a.Identifier, b.Identifier)));
            if (index >= 0)
            {
                _ordered[index] = entity;
            }
            else
            {
                _ordered = null;
            }
        }
    }
}
