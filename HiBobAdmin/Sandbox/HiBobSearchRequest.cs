using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// A validated body of <c>POST /v1/people/search</c> (or of a read by identifier, which takes only fields and
/// humanReadable). The rules are HiBob's documented ones; each refusal becomes a 400.
/// </summary>
internal sealed record HiBobSearchRequest(
    IReadOnlyList<string> Fields,
    string? FilterField,
    IReadOnlyList<string>? FilterValues,
    bool ShowInactive,
    HiBobHumanReadable HumanReadable)
{
    public const int MaxFields = 400;

    public static HiBobSearchRequest? Parse(JsonNode? body, bool allowFilters, out string? error)
    {
        error = null;
        if (body is null)
        {
            return new HiBobSearchRequest(
                HiBobFieldCatalog.DefaultSearchFields,
                null,
                null,
                false,
                HiBobHumanReadable.None);
        }

        if (body is not JsonObject request)
        {
            error = "The body must be a JSON object.";
            return null;
        }

        var fields = ParseFields(request["fields"], ref error);
        var (filterField, filterValues) = allowFilters ? ParseFilters(request, ref error) : (null, null);
        var showInactive = false;
        if (allowFilters && request["showInactive"] is { } inactive)
        {
            if (inactive.GetValueKind() is JsonValueKind.True or JsonValueKind.False)
            {
                showInactive = inactive.GetValue<bool>();
            }
            else
            {
                error ??= "showInactive must be a boolean.";
            }
        }

        // HiBob ignores a humanReadable value it does not know instead of refusing it.
        var human = request["humanReadable"] is JsonValue value && value.TryGetValue<string>(out var text)
            ? HiBobEmployeeWriter.ParseHumanReadable(text)
            : HiBobHumanReadable.None;
        return error is null ? new HiBobSearchRequest(fields!, filterField, filterValues, showInactive, human) : null;
    }

    public bool Matches(SandboxEmployee employee)
    {
        if (!ShowInactive && !employee.IsActive)
        {
            return false;
        }

        if (FilterValues is null)
        {
            return true;
        }

        return FilterField == SandboxEmployee.IdField
            ? FilterValues.Contains(employee.Id, StringComparer.Ordinal)
            : employee.Email?.Trim() is { } email
                && FilterValues.Any(value => string.Equals(value.Trim(), email, StringComparison.OrdinalIgnoreCase));
    }

    private static IReadOnlyList<string>? ParseFields(JsonNode? node, ref string? error)
    {
        if (node is null)
        {
            return HiBobFieldCatalog.DefaultSearchFields;
        }

        if (node is not JsonArray array || array.Any(item => item?.GetValueKind() != JsonValueKind.String))
        {
            error ??= "fields must be an array of field ids.";
            return null;
        }

        if (array.Count > MaxFields)
        {
            error ??= $"fields may hold at most {MaxFields} field ids; {array.Count} were sent.";
            return null;
        }

        return [.. array.Select(item => item!.GetValue<string>())];
    }

    private static (string? Field, IReadOnlyList<string>? Values) ParseFilters(JsonObject request, ref string? error)
    {
        if (!request.TryGetPropertyValue("filters", out var node))
        {
            return (null, null);
        }

        if (node is not JsonArray filters || filters.Count == 0)
        {
            error ??= "filters must be a non-empty array; omit it when not filtering.";
            return (null, null);
        }

        if (filters.Count > 1)
        {
            error ??= "Only one filter is supported.";
            return (null, null);
        }

        var filter = filters[0] as JsonObject;
        var fieldPath = filter?["fieldPath"] is JsonValue path && path.TryGetValue<string>(out var p) ? p : null;
        if (fieldPath is not (SandboxEmployee.IdField or SandboxEmployee.EmailField))
        {
            error ??= "filters[0].fieldPath must be root.id or root.email.";
            return (null, null);
        }

        if (filter!["operator"] is not JsonValue op || !op.TryGetValue<string>(out var opText) || opText != "equals")
        {
            error ??= "filters[0].operator must be equals.";
            return (null, null);
        }

        if (filter["values"] is not JsonArray values || values.Count == 0
            || values.Any(item => item?.GetValueKind() != JsonValueKind.String))
        {
            error ??= "filters[0].values must be a non-empty array of strings.";
            return (null, null);
        }

        return (fieldPath, [.. values.Select(item => item!.GetValue<string>())]);
    }
}
