using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Port;

/// <summary>
/// One entity body for the bulk route, with the identifier its outcome is reported under. The body is kept as the
/// UTF-8 it takes on the wire: its size decides the batches, and a first sync holds one per employee until it is sent,
/// which as JSON nodes cost several times as much.
/// </summary>
internal sealed record PortBulkItem(string Identifier, byte[] Utf8Body)
{
    public static PortBulkItem Of(string identifier, JsonObject body) =>
        new(identifier, JsonSerializer.SerializeToUtf8Bytes(body, PortJson.Options));

    /// <summary>A fresh node of the body, to place in one request.</summary>
    public JsonNode Body() => JsonNode.Parse(Utf8Body)!;
}
