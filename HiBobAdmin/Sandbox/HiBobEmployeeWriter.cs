using System.Text.Json;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// Writes employees the way HiBob's read contract describes: <c>id</c> always, each requested field once in the
/// nested form (root fields at the top level, others under their category) and once as a slash key holding
/// <c>{"value": …}</c>. Fields the record lacks or the service user may not see are left out without a word.
/// </summary>
internal sealed class HiBobEmployeeWriter
{
    private readonly FieldPath[] _fields;
    private readonly HiBobHumanReadable _humanReadable;

    public HiBobEmployeeWriter(
        IEnumerable<string> requestedFields,
        IReadOnlyCollection<string> hiddenFields,
        HiBobHumanReadable humanReadable)
    {
        _fields =
        [
            .. requestedFields
                .Distinct(StringComparer.Ordinal)
                .Where(field => !hiddenFields.Contains(field) && IsFieldId(field))
                .Select(field => new FieldPath(field)),
        ];
        _humanReadable = humanReadable;
    }

    public void Write(Utf8JsonWriter writer, SandboxEmployee employee)
    {
        var present = _fields.Where(field => employee.Fields.ContainsKey(field.Id)).ToArray();
        writer.WriteStartObject();
        writer.WriteString("id", employee.Id);
        var nested = present.Where(field => field.Id != SandboxEmployee.IdField).ToArray();
        if (_humanReadable == HiBobHumanReadable.Replace)
        {
            WriteNested(writer, employee, nested, 0, human: true);
            writer.WriteEndObject();
            return;
        }

        WriteNested(writer, employee, nested, 0, human: false);
        foreach (var field in present)
        {
            writer.WritePropertyName(field.SlashKey);
            writer.WriteStartObject();
            writer.WritePropertyName("value");
            employee.Fields[field.Id].WriteTo(writer);
            writer.WriteEndObject();
        }

        if (_humanReadable == HiBobHumanReadable.Append)
        {
            writer.WritePropertyName("humanReadable");
            writer.WriteStartObject();
            WriteNested(writer, employee, nested, 0, human: true);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static HiBobHumanReadable ParseHumanReadable(string? value) => value?.ToUpperInvariant() switch
    {
        "APPEND" => HiBobHumanReadable.Append,
        "REPLACE" => HiBobHumanReadable.Replace,
        _ => HiBobHumanReadable.None,
    };

    private static bool IsFieldId(string field) =>
        field.Length > 2 && field.IndexOf('.', StringComparison.Ordinal) is > 0 and var dot && dot < field.Length - 1;

    private static void WriteNested(
        Utf8JsonWriter writer,
        SandboxEmployee employee,
        IReadOnlyList<FieldPath> fields,
        int depth,
        bool human)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            var name = field.Nested[depth];
            if (!written.Add(name))
            {
                continue;
            }

            if (field.Nested.Length == depth + 1)
            {
                WriteLeaf(writer, name, field.Id, employee.Fields[field.Id], human);
                continue;
            }

            var children = fields
                .Where(other => other.Nested.Length > depth + 1 && other.Nested[depth] == name)
                .ToArray();
            if (human && !children.Any(child => HasHumanValue(employee.Fields[child.Id])))
            {
                continue;
            }

            writer.WritePropertyName(name);
            writer.WriteStartObject();
            WriteNested(writer, employee, children, depth + 1, human);
            writer.WriteEndObject();
        }
    }

    private static void WriteLeaf(Utf8JsonWriter writer, string name, string fieldId, JsonElement value, bool human)
    {
        if (!human)
        {
            writer.WritePropertyName(name);
            value.WriteTo(writer);
            return;
        }

        // HiBob gives display values only for fields that hold a value.
        if (!HasHumanValue(value))
        {
            return;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.True or JsonValueKind.False:
                writer.WriteString(name, value.GetBoolean() ? "Yes" : "No");
                break;
            case JsonValueKind.Number:
                writer.WriteString(name, value.GetRawText());
                break;
            case JsonValueKind.String when HiBobFieldCatalog.ById.GetValueOrDefault(fieldId)?.ListName is not null:
                writer.WriteString(name, HiBobFieldCatalog.ItemName(value.GetString()!) ?? value.GetString());
                break;
            case JsonValueKind.Object when value.TryGetProperty("humanize", out var humanize):
                writer.WritePropertyName(name);
                humanize.WriteTo(writer);
                break;
            default:
                writer.WritePropertyName(name);
                value.WriteTo(writer);
                break;
        }
    }

    private static bool HasHumanValue(JsonElement value) => value.ValueKind != JsonValueKind.Null;

    /// <summary>A requested field id with its nested path and slash key worked out once per request.</summary>
    private sealed class FieldPath(string id)
    {
        public string Id { get; } = id;

        public string[] Nested { get; } = id.StartsWith("root.", StringComparison.Ordinal)
            ? id["root.".Length..].Split('.')
            : id.Split('.');

        public string SlashKey { get; } = "/" + id.Replace('.', '/');
    }
}
