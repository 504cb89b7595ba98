using System.Text;
using System.Text.Json;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>
/// A HiBob webhook v2 delivery: the envelope's <c>type</c> and <c>data.employeeId</c>
/// (https://apidocs.hibob.com/reference/webhook-events-v2), or the test ping Bob sends when a webhook is saved
/// (<c>Ping test</c> as text or <c>{"text":"Ping test"}</c>).
/// </summary>
public sealed record HiBobWebhookEvent(bool IsPing, string? Type, string? EmployeeId)
{
    private const string PingText = "Ping test";

    /// <summary>The events that can change who someone is in Port; the rest are acknowledged and ignored.</summary>
    public static IReadOnlySet<string> SyncedTypes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "employee.created",
        "employee.updated",
        "employee.joined",
        "employee.left",
        "employee.activated",
        "employee.inactivated",
    };

    public bool NeedsSync => Type is not null && SyncedTypes.Contains(Type);

    /// <returns>The event, or null when the body is neither a ping nor a JSON object.</returns>
    public static HiBobWebhookEvent? Parse(ReadOnlySpan<byte> body)
    {
        var text = Encoding.UTF8.GetString(body).Trim();
        if (IsPingText(text) || IsPingText(text.Trim('"')))
        {
            return new HiBobWebhookEvent(true, null, null);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
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

            if (root.TryGetProperty("text", out var ping) && ping.ValueKind == JsonValueKind.String && IsPingText(ping.GetString()))
            {
                return new HiBobWebhookEvent(true, null, null);
            }

            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            string? employeeId = null;
            if (root.TryGetProperty("data", out var data)
                && data.ValueKind == JsonValueKind.Object
                && data.TryGetProperty("employeeId", out var id))
            {
                employeeId = id.ValueKind switch
                {
                    JsonValueKind.String => id.GetString(),
                    JsonValueKind.Number => id.GetRawText(),
                    _ => null,
                };
            }

            return new HiBobWebhookEvent(false, type, string.IsNullOrWhiteSpace(employeeId) ? null : employeeId.Trim());
        }
    }

    private static bool IsPingText(string? text) =>
        string.Equals(text?.Trim(), PingText, StringComparison.OrdinalIgnoreCase);
}
