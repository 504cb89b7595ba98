using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>A Port status code and its JSON body, before it becomes an HTTP response.</summary>
internal sealed record PortOutcome(int StatusCode, JsonObject Body)
{
    public static PortOutcome Ok(string key, JsonNode? value, int statusCode = StatusCodes.Status200OK) =>
        new(statusCode, new JsonObject { ["ok"] = true, [key] = value });

    public static PortOutcome Error(int statusCode, string error, string message) =>
        new(statusCode, new JsonObject { ["ok"] = false, ["error"] = error, ["message"] = message });

    public static PortOutcome Error(PortItemError error) => Error(error.StatusCode, error.Error, error.Message);
}
