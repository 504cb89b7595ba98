using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// HiBob's employee records in a stable order, and the fields the service user may not see. Not thread-safe: the
/// caller holds the sandbox lock. Records are immutable, so a snapshot can be written out after the lock is released.
/// </summary>
internal sealed class HiBobPeople
{
    private readonly List<SandboxEmployee> _employees = [];
    private readonly Dictionary<string, int> _indexById = new(StringComparer.Ordinal);
    private readonly HashSet<string> _hiddenFields = new(StringComparer.Ordinal);
    private readonly List<JsonElement> _verbatim = [];

    public int Count => _employees.Count;

    /// <summary>
    /// Records a people search returns exactly as stored, after the field-map employees. A test hook only: they are
    /// not written to the state file.
    /// </summary>
    public IReadOnlyList<JsonElement> Verbatim => _verbatim;

    public void AddVerbatim(JsonElement record) => _verbatim.Add(record);

    public IReadOnlyCollection<string> HiddenFields => _hiddenFields;

    public SandboxEmployee[] Snapshot() => [.. _employees];

    public SandboxEmployee? Find(string id) => _indexById.TryGetValue(id, out var index) ? _employees[index] : null;

    /// <summary>
    /// The employee a read-by-identifier finds: the backend id first, then the email (trimmed, any case), preferring
    /// an active record when a rehire left an inactive one with the same email.
    /// </summary>
    public SandboxEmployee? FindByIdOrEmail(string identifier)
    {
        if (Find(identifier) is { } byId)
        {
            return byId;
        }

        var wanted = identifier.Trim();
        SandboxEmployee? inactive = null;
        foreach (var employee in _employees)
        {
            if (!string.Equals(employee.Email?.Trim(), wanted, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (employee.IsActive)
            {
                return employee;
            }

            inactive ??= employee;
        }

        return inactive;
    }

    public void Add(SandboxEmployee employee)
    {
        if (_indexById.ContainsKey(employee.Id))
        {
            throw new ArgumentException($"An employee with id {employee.Id} already exists.", nameof(employee));
        }

        _indexById[employee.Id] = _employees.Count;
        _employees.Add(employee);
    }

    public void Replace(SandboxEmployee employee) => _employees[_indexById[employee.Id]] = employee;

    public bool Remove(string id)
    {
        if (!_indexById.TryGetValue(id, out var index))
        {
            return false;
        }

        _employees.RemoveAt(index);
        _indexById.Clear();
        for (var i = 0; i < _employees.Count; i++)
        {
            _indexById[_employees[i].Id] = i;
        }

        return true;
    }

    public bool Hide(string fieldId) => _hiddenFields.Add(fieldId);

    public bool Show(string fieldId) => _hiddenFields.Remove(fieldId);

    public static JsonObject ToFieldMap(SandboxEmployee employee)
    {
        var map = new JsonObject();
        foreach (var (field, value) in employee.Fields)
        {
            map[field] = value.ValueKind == JsonValueKind.Null ? null : JsonNode.Parse(value.GetRawText());
        }

        return map;
    }

    /// <summary>An employee from a field map; its id is the <c>root.id</c> string.</summary>
    public static SandboxEmployee FromFieldMap(JsonObject map) => FromElement(JsonElement.Parse(map.ToJsonString()));

    /// <summary>Employees from a JSON array of field maps (a seed or a state file may hold 50k).</summary>
    public static List<SandboxEmployee> FromFieldMaps(JsonElement maps) =>
        [.. maps.EnumerateArray().Select(FromElement)];

    // The field elements share the parsed document, which lives as long as they do.
    private static SandboxEmployee FromElement(JsonElement map)
    {
        if (map.ValueKind != JsonValueKind.Object
            || !map.TryGetProperty(SandboxEmployee.IdField, out var idElement)
            || idElement.ValueKind != JsonValueKind.String
            || string.IsNullOrWhiteSpace(idElement.GetString()))
        {
            throw new ArgumentException("An employee needs a root.id string.", nameof(map));
        }

        var fields = new Dictionary<string, JsonElement>(HiBobFieldCatalog.Fields.Count, StringComparer.Ordinal);
        foreach (var property in map.EnumerateObject())
        {
            fields[property.Name] = property.Value;
        }

        return new SandboxEmployee(idElement.GetString()!, fields);
    }

    public static JsonElement ToElement(JsonNode? value) => JsonElement.Parse(value?.ToJsonString() ?? "null");

    /// <summary>Writes the records and hidden fields as the state file stores them.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("employees");
        foreach (var employee in _employees)
        {
            writer.WriteStartObject();
            foreach (var (field, value) in employee.Fields)
            {
                writer.WritePropertyName(field);
                value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("hiddenFields");
        foreach (var field in _hiddenFields.Order(StringComparer.Ordinal))
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public static HiBobPeople FromStored(JsonObject stored)
    {
        var people = new HiBobPeople();
        foreach (var employee in FromFieldMaps(JsonElement.Parse(stored["employees"]?.ToJsonString() ?? "[]")))
        {
            people.Add(employee);
        }

        foreach (var field in stored["hiddenFields"]?.AsArray() ?? [])
        {
            people.Hide(field!.GetValue<string>());
        }

        return people;
    }
}
