using System.Text.Json;

namespace HiBobAdmin.Port;

/// <summary>
/// Serializer settings of the Port client only. Nulls are written: in an entity body a null property or relation
/// means "clear it", so a global "ignore nulls" setting would silently stop unlinking (B03's note).
/// </summary>
internal static class PortJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
