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
    private readonly FieldNode _nested = new(string.Empty);
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
        foreach (var field in _fields.Where(field => field.Id != SandboxEmployee.IdField))
        {
            _nested.Add(field, 0);
        }

        _humanReadable = humanReadable;
    }

    public void Write(Utf8JsonWriter writer, SandboxEmployee employee)
    {
        writer.WriteStartObject();
        writer.WriteString("id", employee.Id);
        if (_humanReadable == HiBobHumanReadable.Replace)
        {
            WriteChildren(writer, _nested, employee, human: true);
            writer.WriteEndObject();
            return;
        }

        WriteChildren(writer, _nested, employee, human: false);
        foreach (var field in _fields)
        {
            if (employee.Fields.TryGetValue(field.Id, out var value))
            {
                writer.WritePropertyName(field.SlashKey);
                writer.WriteStartObject();
                writer.WritePropertyName("value");
                value.WriteTo(writer);
                writer.WriteEndObject();
            }
        }

        if (_humanReadable == HiBobHumanReadable.Append)
        {
            writer.WritePropertyName("humanReadable");
            writer.WriteStartObject();
            WriteChildren(writer, _nested, employee, human: true);
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

    private static void WriteChildren(Utf8JsonWriter writer, FieldNode node, SandboxEmployee employee, bool human)
    {
        foreach (var child in node.Children)
        {
            if (child.Leaf is { } leaf)
            {
                if (employee.Fields.TryGetValue(leaf.Id, out var value))
                {
                    WriteLeaf(writer, child.Name, leaf.Id, value, human);
                }
            }
            else if (child.HasValue(employee, human))
            {
                writer.WritePropertyName(child.Name);
                writer.WriteStartObject();
                WriteChildren(writer, child, employee, human);
                writer.WriteEndObject();
            }
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

    /// <summary>
    /// One key of the nested form: a field (leaf) or a category object holding others, built once per request in
    /// the order the fields were asked for.
    /// </summary>
    private sealed class FieldNode(string name)
    {
        public string Name { get; } = name;

        public FieldPath? Leaf { get; private set; }

        public List<FieldNode> Children { get; } = [];

        public void Add(FieldPath field, int depth)
        {
            var name = field.Nested[depth];
            var child = Children.Find(existing => existing.Name == name);
            var isLeaf = depth == field.Nested.Length - 1;
            if (child is null)
            {
                child = new FieldNode(name);
                Children.Add(child);
                if (isLeaf)
                {
                    child.Leaf = field;
                    return;
                }
            }

            // A key cannot be both a value and an object: the first field that claims it wins.
            if (!isLeaf && child.Leaf is null)
            {
                child.Add(field, depth + 1);
            }
        }

        public bool HasValue(SandboxEmployee employee, bool human) => Children.Any(child => child.Leaf is { } leaf
            ? employee.Fields.TryGetValue(leaf.Id, out var value) && (!human || HasHumanValue(value))
            : child.HasValue(employee, human));
    }
}
