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

    public static bool Matches(JsonNode query, string blueprint, PortEntity entity)
    {
        var group = query.AsObject();
        var rules = group["rules"]!.AsArray();
        var any = group["combinator"]!.GetValue<string>() == "or";
        if (rules.Count == 0)
        {
            return true;
        }

        foreach (var rule in rules)
        {
            var matched = rule!.AsObject().ContainsKey("combinator")
                ? Matches(rule, blueprint, entity)
                : MatchesRule(rule.AsObject(), blueprint, entity);
            if (matched == any)
            {
                return any;
            }
        }

        return !any;
    }

    private static bool MatchesRule(JsonObject rule, string blueprint, PortEntity entity)
    {
        var property = rule["property"]!.GetValue<string>();
        JsonNode? actual = property switch
        {
            "$identifier" => entity.Identifier,
            "$title" => entity.Title,
            "$blueprint" => blueprint,
            _ => entity.Properties[property],
        };
        var expected = rule["value"];
        return rule["operator"]!.GetValue<string>() switch
        {
            "=" => JsonNode.DeepEquals(actual, expected),
            "!=" => !JsonNode.DeepEquals(actual, expected),
            "in" => expected!.AsArray().Any(value => JsonNode.DeepEquals(actual, value)),
            _ => !expected!.AsArray().Any(value => JsonNode.DeepEquals(actual, value)),
        };
    }
}
