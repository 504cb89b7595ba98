using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Port;

/// <summary>
/// Serializer settings of the Port client only. Nulls are written: in an entity body a null property or relation
/// means "clear it", so a global "ignore nulls" setting would silently stop unlinking (B03's note).
/// </summary>
internal static class PortJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The exact UTF-8 size a node takes on the wire with <see cref="Options"/>.</summary>
    public static int Utf8Size(JsonNode node) => JsonSerializer.SerializeToUtf8Bytes(node, Options).Length;
}
