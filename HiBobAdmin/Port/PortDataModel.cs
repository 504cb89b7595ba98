using System.Net;
using System.Text.Json.Nodes;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Port;

/// <summary>
/// Checks and completes the data model: the <c>hibob_user</c> blueprint with its properties, and on <c>_user</c>
/// the relation <c>hibob_user</c> and the mirror property <c>hibob_display_name</c>. It only ever adds: the
/// customer's own properties, relations and mirror properties are sent back unchanged.
/// </summary>
internal sealed class PortDataModel(IPortApi api, ILogger<PortDataModel> logger)
{
    public async Task<DataModelStatus> CheckAsync(CancellationToken cancellationToken)
    {
        var missing = await InspectAsync(cancellationToken);
        return new DataModelStatus(missing.Count == 0, missing, []);
    }

    public async Task<DataModelStatus> EnsureAsync(CancellationToken cancellationToken)
    {
        var changed = new List<string>();
        await EnsureHibobUserAsync(changed, cancellationToken);
        await EnsureUserLinkAsync(changed, cancellationToken);

        // What is still missing now is what an add cannot fix (a property of another type, a relation that points
        // elsewhere): the admin has to change it in Port.
        var missing = await InspectAsync(cancellationToken);
        return new DataModelStatus(missing.Count == 0, missing, changed);
    }

    private async Task<List<string>> InspectAsync(CancellationToken cancellationToken)
    {
        var missing = new List<string>();
        var hibobUser = await GetBlueprintAsync(HibobUserBlueprint.Identifier, cancellationToken);
        if (hibobUser is null)
        {
            missing.Add($"blueprint {HibobUserBlueprint.Identifier}");
        }
        else
        {
            var properties = SchemaProperties(hibobUser);
            foreach (var definition in HibobUserBlueprint.Properties)
            {
                if (properties?[definition.Key] is not JsonObject existing)
                {
                    missing.Add($"{HibobUserBlueprint.Identifier} property {definition.Key}");
                }
                else if (PortErrors.Text(existing["type"]) is { } type
                    && !string.Equals(type, definition.Type, StringComparison.OrdinalIgnoreCase))
                {
                    missing.Add($"{HibobUserBlueprint.Identifier} property {definition.Key} of type {definition.Type} "
                        + $"(Port has {type})");
                }
            }
        }

        var user = await GetBlueprintAsync(HibobUserBlueprint.UserBlueprint, cancellationToken);
        if (user is null)
        {
            missing.Add($"blueprint {HibobUserBlueprint.UserBlueprint}");
            return missing;
        }

        var relation = (user["relations"] as JsonObject)?[HibobUserBlueprint.UserRelation] as JsonObject;
        if (relation is null)
        {
            missing.Add($"{HibobUserBlueprint.UserBlueprint} relation {HibobUserBlueprint.UserRelation}");
        }
        else if (PortErrors.Text(relation["target"]) is var target
            && !string.Equals(target, HibobUserBlueprint.Identifier, StringComparison.Ordinal))
        {
            missing.Add($"{HibobUserBlueprint.UserBlueprint} relation {HibobUserBlueprint.UserRelation} "
                + $"to {HibobUserBlueprint.Identifier} (Port has it pointing to {target ?? "nothing"})");
        }
        else if (relation["many"] is JsonValue many && many.TryGetValue<bool>(out var isMany) && isMany)
        {
            missing.Add($"{HibobUserBlueprint.UserBlueprint} relation {HibobUserBlueprint.UserRelation} "
                + "to a single entity (Port has it as many)");
        }

        if ((user["mirrorProperties"] as JsonObject)?[HibobUserBlueprint.MirrorProperty] is null)
        {
            missing.Add($"{HibobUserBlueprint.UserBlueprint} mirror property {HibobUserBlueprint.MirrorProperty}");
        }

        return missing;
    }

    private async Task EnsureHibobUserAsync(List<string> changed, CancellationToken cancellationToken)
    {
        var existing = await GetBlueprintAsync(HibobUserBlueprint.Identifier, cancellationToken);
        if (existing is null)
        {
            await SendAsync(token => api.CreateBlueprintAsync(NewHibobUserBlueprint(), token), cancellationToken);
            Record(changed, $"created blueprint {HibobUserBlueprint.Identifier}");
            return;
        }

        // Send the complete schema (theirs plus ours): correct whether Port merges or replaces "schema".
        var schema = existing["schema"]?.DeepClone() as JsonObject ?? [];
        if (schema["properties"] is not JsonObject properties)
        {
            properties = [];
            schema["properties"] = properties;
        }

        var added = new List<string>();
        foreach (var definition in HibobUserBlueprint.Properties.Where(d => properties[d.Key] is null))
        {
            properties[definition.Key] = PropertySchema(definition);
            added.Add(definition.Key);
        }

        if (added.Count == 0)
        {
            return;
        }

        var changes = new JsonObject { ["schema"] = schema };
        await SendAsync(
            token => api.UpdateBlueprintAsync(HibobUserBlueprint.Identifier, changes, token),
            cancellationToken);
        Record(changed, $"added {HibobUserBlueprint.Identifier} properties {string.Join(", ", added)}");
    }

    private async Task EnsureUserLinkAsync(List<string> changed, CancellationToken cancellationToken)
    {
        var user = await GetBlueprintAsync(HibobUserBlueprint.UserBlueprint, cancellationToken)
            ?? throw new VendorApiException(PortErrors.Vendor, 404, "Port has no _user blueprint");

        // Merge into the existing maps and send them whole: the customer's relations and mirror properties survive
        // whether PATCH replaces or deep-merges these keys (port-api.md, section 4).
        var relations = user["relations"]?.DeepClone() as JsonObject ?? [];
        var mirrors = user["mirrorProperties"]?.DeepClone() as JsonObject ?? [];
        var added = new List<string>();
        if (relations[HibobUserBlueprint.UserRelation] is null)
        {
            relations[HibobUserBlueprint.UserRelation] = new JsonObject
            {
                ["title"] = HibobUserBlueprint.UserRelationTitle,
                ["target"] = HibobUserBlueprint.Identifier,
                ["required"] = false,
                ["many"] = false,
            };
            added.Add($"relation {HibobUserBlueprint.UserRelation}");
        }

        if (mirrors[HibobUserBlueprint.MirrorProperty] is null)
        {
            mirrors[HibobUserBlueprint.MirrorProperty] = new JsonObject
            {
                ["title"] = HibobUserBlueprint.MirrorTitle,
                ["path"] = HibobUserBlueprint.MirrorPath,
            };
            added.Add($"mirror property {HibobUserBlueprint.MirrorProperty}");
        }

        if (added.Count == 0)
        {
            return;
        }

        var changes = new JsonObject { ["relations"] = relations, ["mirrorProperties"] = mirrors };
        await SendAsync(
            token => api.UpdateBlueprintAsync(HibobUserBlueprint.UserBlueprint, changes, token),
            cancellationToken);
        foreach (var item in added)
        {
            Record(changed, $"added {HibobUserBlueprint.UserBlueprint} {item}");
        }
    }

    /// <summary>The blueprint object of <c>GET /v1/blueprints/{id}</c>; null when Port answers 404.</summary>
    private async Task<JsonObject?> GetBlueprintAsync(string identifier, CancellationToken cancellationToken)
    {
        using var response = await PortErrors.SendAsync(
            token => api.GetBlueprintAsync(identifier, token),
            cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        await PortErrors.EnsureSuccessAsync(response, cancellationToken);
        var answer = await PortErrors.ReadObjectAsync(response, logger, cancellationToken);
        return answer["blueprint"] as JsonObject
            ?? throw new VendorApiException(
                PortErrors.Vendor,
                (int)response.StatusCode,
                $"Port answered without the {identifier} blueprint");
    }

    private static async Task SendAsync(
        Func<CancellationToken, Task<HttpResponseMessage>> call,
        CancellationToken cancellationToken)
    {
        using var response = await PortErrors.SendAsync(call, cancellationToken);
        await PortErrors.EnsureSuccessAsync(response, cancellationToken);
    }

    private void Record(List<string> changed, string change)
    {
        changed.Add(change);
        PortLog.DataModelChanged(logger, change);
    }

    private static JsonObject? SchemaProperties(JsonObject blueprint) =>
        (blueprint["schema"] as JsonObject)?["properties"] as JsonObject;

    private static JsonObject PropertySchema(PortPropertyDefinition definition) => new()
    {
        ["type"] = definition.Type,
        ["title"] = definition.Title,
    };

    internal static JsonObject NewHibobUserBlueprint()
    {
        var properties = new JsonObject();
        foreach (var definition in HibobUserBlueprint.Properties)
        {
            properties[definition.Key] = PropertySchema(definition);
        }

        return new JsonObject
        {
            ["identifier"] = HibobUserBlueprint.Identifier,
            ["title"] = HibobUserBlueprint.Title,
            ["schema"] = new JsonObject { ["properties"] = properties, ["required"] = new JsonArray() },
            ["relations"] = new JsonObject(),
            ["mirrorProperties"] = new JsonObject(),
            ["calculationProperties"] = new JsonObject(),
        };
    }
}
