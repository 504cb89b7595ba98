using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Port;

/// <summary>
/// Reads one answer of the entity search: the body goes into a pooled buffer, then each entity is parsed and mapped on
/// its own and dropped. A page of 1000 entities as one JSON tree was a large, medium-lived allocation per page, which
/// the garbage collector kept long after the page was mapped; one entity's nodes die at once.
/// </summary>
internal static class PortSearchPage
{
    private const int InitialBufferBytes = 64 * 1024;

    /// <summary>
    /// Adds what <paramref name="map"/> makes of each entity to <paramref name="into"/> (null results are left out) and
    /// returns how many entities the page held and its <c>next</c> cursor. A body that is not a JSON object is
    /// "Unexpected non-JSON response", logged with its start.
    /// </summary>
    public static async Task<(int Entities, string? Next)> ReadAsync<T>(
        HttpResponseMessage response,
        Func<JsonObject, T?> map,
        List<T> into,
        ILogger logger,
        CancellationToken cancellationToken)
        where T : class
    {
        var status = (int)response.StatusCode;
        var (buffer, length) = await BufferAsync(response, cancellationToken);
        try
        {
            try
            {
                if (Read(WithoutByteOrderMark(buffer.AsSpan(0, length)), map, into) is { } page)
                {
                    return page;
                }
            }
            catch (JsonException ex)
            {
                throw PortErrors.NonJsonAnswer(logger, status, buffer.AsSpan(0, length), ex);
            }

            throw PortErrors.NonJsonAnswer(logger, status, buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The page read from <paramref name="utf8"/>; null when the body is JSON but not an object.</summary>
    private static (int Entities, string? Next)? Read<T>(ReadOnlySpan<byte> utf8, Func<JsonObject, T?> map, List<T> into)
        where T : class
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        Func<JsonNode?, T?> mapEntity = node => node is JsonObject entity ? map(entity) : null;
        var entities = 0;
        string? next = null;
        bool sawEntities = false, sawNext = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isEntities = reader.ValueTextEquals("entities"u8);
            var isNext = reader.ValueTextEquals("next"u8);

            // A second "next" could end the paging early, or a second list double it: such an answer is not a page.
            if ((isEntities && sawEntities) || (isNext && sawNext))
            {
                return null;
            }

            sawEntities |= isEntities;
            sawNext |= isNext;
            reader.Read();
            if (isEntities && reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        reader.Skip();
                        continue;
                    }

                    entities++;
                    if (Readable(JsonNode.Parse(ref reader), mapEntity) is { } mapped)
                    {
                        into.Add(mapped);
                    }
                }
            }
            else if (isNext)
            {
                next = Readable(JsonNode.Parse(ref reader), PortErrors.Text);
            }
            else
            {
                reader.Skip();
            }
        }

        // Reading to the end: a cut-off body or anything after the object is not a page.
        while (reader.Read())
        {
        }

        return (entities, next);
    }

    /// <summary>
    /// <paramref name="read"/> of a parsed value. The JSON nodes read their text lazily, so text that is not valid
    /// Unicode (bytes that are not UTF-8, a lone surrogate) or a key given twice in one entity only shows here; such an
    /// answer is not valid JSON text and is reported as one.
    /// </summary>
    private static TResult? Readable<TResult>(JsonNode? node, Func<JsonNode?, TResult?> read)
        where TResult : class
    {
        try
        {
            return read(node);
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            throw new JsonException("The page holds text that is not valid Unicode, or a key given twice.", ex);
        }
    }

    // A stream parse skips it; the reader over bytes does not.
    private static ReadOnlySpan<byte> WithoutByteOrderMark(ReadOnlySpan<byte> utf8) =>
        utf8.StartsWith(Encoding.UTF8.Preamble) ? utf8[Encoding.UTF8.Preamble.Length..] : utf8;

    private static async Task<(byte[] Buffer, int Length)> BufferAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
        var length = 0;
        try
        {
            if (response.Content is null)
            {
                return (buffer, 0);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            int read;
            while ((read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
