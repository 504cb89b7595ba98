using System.Text.Json;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// A JSON response written straight to the body, so a 50k-employee search is streamed rather than built in memory.
/// </summary>
internal sealed class JsonStreamResult(
    int statusCode,
    Func<Utf8JsonWriter, CancellationToken, ValueTask> write) : IResult, IStatusCodeHttpResult, IContentTypeHttpResult
{
    public int? StatusCode => statusCode;

    public string ContentType => "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = ContentType;
        await using var writer = new Utf8JsonWriter(httpContext.Response.Body);
        await write(writer, httpContext.RequestAborted);
        await writer.FlushAsync(httpContext.RequestAborted);
    }
}
