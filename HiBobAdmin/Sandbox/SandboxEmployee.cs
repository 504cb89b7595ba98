using System.Text.Json;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// One HiBob employee record as field id → machine value. A field missing from <see cref="Fields"/> is absent
/// from responses; a field holding JSON null is returned as null. Immutable, so readers can stream it without a lock.
/// </summary>
internal sealed record SandboxEmployee(string Id, IReadOnlyDictionary<string, JsonElement> Fields)
{
    public const string IdField = "root.id";
    public const string EmailField = "root.email";
    public const string StatusField = "internal.status";

    public bool IsActive =>
        Fields.TryGetValue(StatusField, out var status)
        && status.ValueKind == JsonValueKind.String
        && string.Equals(status.GetString(), "Active", StringComparison.Ordinal);

    public string? Email =>
        Fields.TryGetValue(EmailField, out var email) && email.ValueKind == JsonValueKind.String
            ? email.GetString()
            : null;

    public SandboxEmployee With(string fieldId, JsonElement? value)
    {
        var fields = new Dictionary<string, JsonElement>(Fields, StringComparer.Ordinal);
        if (value is { } element)
        {
            fields[fieldId] = element;
        }
        else
        {
            fields.Remove(fieldId);
        }

        return this with { Fields = fields };
    }
}
