using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// The part of Port's search-query language the sandbox understands: <c>and</c>/<c>or</c> groups (nested too) of
/// rules on <c>$identifier</c>, <c>$title</c>, <c>$blueprint</c> or a stored property, with the operators
/// <c>=</c>, <c>!=</c>, <c>in</c> and <c>notIn</c>. Anything else is refused with a 422 rather than ignored.
/// </summary>
internal static class PortQuery
{
    public static string? Validate(JsonNode query)
    {
        if (query is not JsonObject group)
        {
            return "query must be an object.";
        }

        if (group["combinator"]?.GetValueKind() != JsonValueKind.String
            || group["combinator"]!.GetValue<string>() is not ("and" or "or"))
        {
            return "query.combinator must be \"and\" or \"or\".";
        }

        if (group["rules"] is not JsonArray rules)
        {
            return "query.rules must be an array.";
        }

        foreach (var rule in rules)
        {
            if (rule is JsonObject nested && nested.ContainsKey("combinator"))
            {
                if (Validate(nested) is { } nestedError)
                {
                    return nestedError;
                }

                continue;
            }

            if (rule is not JsonObject single || single["property"]?.GetValueKind() != JsonValueKind.String)
            {
                return "Each rule needs a property (relation rules are not supported by the sandbox).";
            }

            var op = single["operator"]?.GetValueKind() == JsonValueKind.String
                ? single["operator"]!.GetValue<string>()
                : null;
            switch (op)
            {
                case "=" or "!=":
                    break;
                case "in" or "notIn" when single["value"] is JsonArray:
                    break;
                case "in" or "notIn":
                    return $"The value of operator {op} must be an array.";
                default:
                    return $"Operator \"{op}\" is not supported by the sandbox.";
            }
        }

        return null;
    }

    /// <summary>
    /// The query as a test of one entity, prepared once per search rather than once per entity: an <c>in</c> or
    /// <c>notIn</c> list of strings becomes a set, as Port's own index would answer it, so a search for a hundred
    /// identifiers costs one lookup per entity. Call only after <see cref="Validate"/> accepted the query.
    /// </summary>
    public static Func<PortEntity, bool> Compile(JsonNode query, string blueprint)
    {
        var group = query.AsObject();
        var any = group["combinator"]!.GetValue<string>() == "or";
        var rules = group["rules"]!.AsArray()
            .Select(rule => rule!.AsObject().ContainsKey("combinator") ? Compile(rule, blueprint) : CompileRule(rule.AsObject(), blueprint))
            .ToArray();
        if (rules.Length == 0)
        {
            return _ => true;
        }

        return any ? entity => rules.Any(r => r(entity)) : entity => rules.All(r => r(entity));
    }

    private static Func<PortEntity, bool> CompileRule(JsonObject rule, string blueprint)
    {
        var property = rule["property"]!.GetValue<string>();
        Func<PortEntity, JsonNode?> actual = property switch
        {
            "$identifier" => entity => entity.Identifier,
            "$title" => entity => entity.Title,
            "$blueprint" => _ => blueprint,
            _ => entity => entity.Properties[property],
        };
        var expected = rule["value"];
        var op = rule["operator"]!.GetValue<string>();
        if (op is "=" or "!=")
        {
            var equal = op == "=";
            return entity => JsonNode.DeepEquals(actual(entity), expected) == equal;
        }

        var inList = op == "in";
        var values = expected!.AsArray();
        if (values.All(v => v?.GetValueKind() == JsonValueKind.String) && property is "$identifier" or "$title")
        {
            var set = values.Select(v => v!.GetValue<string>()).ToHashSet(StringComparer.Ordinal);
            Func<PortEntity, string?> text = property == "$identifier" ? e => e.Identifier : e => e.Title;
            return entity => (text(entity) is { } value && set.Contains(value)) == inList;
        }

        return entity =>
        {
            var value = actual(entity);
            return values.Any(v => JsonNode.DeepEquals(value, v)) == inList;
        };
    }
}
