using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>Reads request bodies with a size cap, before any JSON parsing.</summary>
internal static class SandboxBody
{
    /// <summary>Port caps request bodies at 1 MiB on every route.</summary>
    public const long PortLimitBytes = 1024 * 1024;

    /// <summary>The raw body, or null when it is larger than <paramref name="limitBytes"/>.</summary>
    public static async Task<byte[]?> ReadAsync(
        HttpRequest request,
        long limitBytes,
        CancellationToken cancellationToken)
    {
        if (request.ContentLength > limitBytes)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limitBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Parses JSON: an empty body is null, malformed JSON comes back as <paramref name="error"/>.</summary>
    public static JsonNode? Parse(byte[] body, out string? error)
    {
        error = null;
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException exception)
        {
            error = $"The body is not valid JSON ({exception.Message}).";
            return null;
        }
    }
}
