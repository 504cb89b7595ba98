using System.Text;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Tests.Sandbox;

/// <summary>Raw-JSON request helpers for the sandbox tests, so each test shows the exact wire body it sends.</summary>
internal static class SandboxHttp
{
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpMethod method,
        string path,
        string? body)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string body) =>
        SendAsync(client, HttpMethod.Post, path, body);

    public static Task<HttpResponseMessage> PatchAsync(HttpClient client, string path, string body) =>
        SendAsync(client, HttpMethod.Patch, path, body);

    public static Task<HttpResponseMessage> GetAsync(HttpClient client, string path) =>
        SendAsync(client, HttpMethod.Get, path, null);

    public static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.Single() : null;
}
