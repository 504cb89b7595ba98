using System.Text.Json;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>
/// Reads what the Port automation sends for a new <c>_user</c>: the <c>event</c> object of the automation context
/// (<c>{"event": "{{ .event }}"}</c>, shape in reference/port-api.md §9), whose entity identifier is the email.
/// </summary>
/// <param name="Blueprint">The blueprint of the entity, <c>_user</c> for what we act on.</param>
/// <param name="Action">Port's event action (<c>CREATE</c>), when sent.</param>
/// <param name="Identifier">The new entity's identifier.</param>
public sealed record PortUserCreated(string? Blueprint, string? Action, string? Identifier)
{
    public const string UserBlueprint = "_user";

    public bool IsUserCreation =>
        string.Equals(Blueprint, UserBlueprint, StringComparison.Ordinal)
        && (Action is null || string.Equals(Action, "CREATE", StringComparison.OrdinalIgnoreCase));

    /// <returns>The event, or null when the body is not a JSON object.</returns>
    public static PortUserCreated? Parse(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.ToArray());
        }
        catch (JsonException)
        {
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var ev = root.TryGetProperty("event", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
            var context = Child(ev, "context");
            var after = Child(Child(ev, "diff"), "after");
            return new PortUserCreated(
                Text(context, "blueprintIdentifier") ?? Text(after, "blueprint"),
                Text(ev, "action"),
                Text(after, "identifier") ?? Text(context, "entityIdentifier"));
        }
    }

    private static JsonElement Child(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) ? child : default;

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
        && element.TryGetProperty(name, out var value)
        && value.ValueKind == JsonValueKind.String
        && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!.Trim()
            : null;
}
