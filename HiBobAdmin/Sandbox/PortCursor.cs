using System.Buffers.Text;
using System.Text;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// The opaque <c>next</c>/<c>from</c> value of Port's entity search: the last identifier of the page, so paging
/// stays stable while entities are added.
/// </summary>
internal static class PortCursor
{
    private const string Prefix = "after:";

    public static string Encode(string lastIdentifier) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Prefix + lastIdentifier));

    /// <summary>The identifier the cursor points after, or null when the value is not a cursor.</summary>
    public static string? Decode(string cursor)
    {
        if (!Base64Url.IsValid(cursor))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
        return text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..] : null;
    }

    /// <summary>The index of the first entity whose identifier sorts after <paramref name="after"/>.</summary>
    public static int IndexAfter(IReadOnlyList<PortEntity> ordered, string after)
    {
        int low = 0, high = ordered.Count;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(ordered[middle].Identifier, after) <= 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
