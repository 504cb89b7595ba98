using System.Net;
using System.Text.Json.Nodes;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Port;

/// <summary>Port's side of the wire for the tests: token answers, bulk answers and body readers.</summary>
internal static class PortStub
{
    public const string TokenPath = "/v1/auth/access_token";

    public static bool IsTokenRequest(RecordedRequest request) =>
        request.Uri.AbsolutePath.EndsWith(TokenPath, StringComparison.Ordinal);

    /// <summary>
    /// Answers the token route with <paramref name="tokens"/> in turn (the last one repeats) and everything else
    /// with <paramref name="api"/>, which gets the request and its position among API requests.
    /// </summary>
    public static Func<RecordedRequest, int, HttpResponseMessage> Route(
        Func<RecordedRequest, int, HttpResponseMessage> api,
        params string[] tokens)
    {
        var tokenCalls = 0;
        var apiCalls = 0;
        var issued = tokens.Length == 0 ? ["tokenA"] : tokens;
        return (request, _) =>
        {
            if (IsTokenRequest(request))
            {
                var n = Interlocked.Increment(ref tokenCalls) - 1;
                return Token(issued[Math.Min(n, issued.Length - 1)]);
            }

            return api(request, Interlocked.Increment(ref apiCalls) - 1);
        };
    }

    public static HttpResponseMessage Token(string token, int expiresIn = 10800) =>
        StubHttpHandler.Json(
            HttpStatusCode.OK,
            $$"""{"ok":true,"accessToken":"{{token}}","expiresIn":{{expiresIn}},"tokenType":"Bearer"}""");

    /// <summary>A 200 that lists every sent entity as created.</summary>
    public static HttpResponseMessage BulkSuccess(RecordedRequest request)
    {
        var entities = new JsonArray();
        var index = 0;
        foreach (var entity in Entities(request))
        {
            entities.Add(new JsonObject
            {
                ["identifier"] = entity["identifier"]?.GetValue<string>(),
                ["index"] = index++,
                ["created"] = true,
            });
        }

        var body = new JsonObject { ["ok"] = true, ["entities"] = entities, ["errors"] = new JsonArray() };
        return StubHttpHandler.Json(HttpStatusCode.OK, body.ToJsonString());
    }

    public static HttpResponseMessage Error(HttpStatusCode status, string error, string message) =>
        StubHttpHandler.Json(
            status,
            new JsonObject { ["ok"] = false, ["error"] = error, ["message"] = message }.ToJsonString());

    public static JsonObject Body(RecordedRequest request) =>
        JsonNode.Parse(request.Body ?? "null") as JsonObject
        ?? throw new InvalidOperationException($"{request.Method} {request.Uri} had no JSON object body");

    public static IReadOnlyList<JsonObject> Entities(RecordedRequest request) =>
        [.. (Body(request)["entities"] as JsonArray ?? []).OfType<JsonObject>()];
}
