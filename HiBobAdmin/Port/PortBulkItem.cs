using System.Text.Json.Nodes;

namespace HiBobAdmin.Port;

/// <summary>One entity body for the bulk route, with the identifier its outcome is reported under.</summary>
internal sealed record PortBulkItem(string Identifier, JsonObject Body);
