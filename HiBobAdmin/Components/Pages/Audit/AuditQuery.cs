using System.Globalization;
using HiBobAdmin.Audit;

namespace HiBobAdmin.Components.Pages.Audit;

/// <summary>
/// The audit filters as the address carries them (<c>?action=SyncStarted&amp;actor=ana&amp;q=run&amp;from=2026-12-01</c>),
/// shared by the page and the CSV export so that an export holds exactly what the page lists. Dates are whole UTC
/// days; <c>to</c> includes its day. Unknown or malformed values are ignored rather than refused.
/// </summary>
public static class AuditQuery
{
    public const string ActionKey = "action";
    public const string ActorKey = "actor";
    public const string SearchKey = "q";
    public const string FromKey = "from";
    public const string ToKey = "to";

    private const string DateFormat = "yyyy-MM-dd";

    public static AuditCriteria Parse(string? action, string? actor, string? search, string? from, string? to) =>
        new(
            Enum.TryParse<AuditAction>(action, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null,
            Blank(actor),
            Blank(search),
            Day(from),
            Day(to)?.AddDays(1));

    /// <summary>The query string (with its leading <c>?</c>, or empty) that <see cref="Parse"/> reads back.</summary>
    public static string ToQueryString(AuditCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var pairs = new List<string>();
        Add(pairs, ActionKey, criteria.Action?.ToString());
        Add(pairs, ActorKey, criteria.Actor);
        Add(pairs, SearchKey, criteria.Search);
        Add(pairs, FromKey, criteria.From?.ToString(DateFormat, CultureInfo.InvariantCulture));
        Add(pairs, ToKey, criteria.To?.AddDays(-1).ToString(DateFormat, CultureInfo.InvariantCulture));
        return pairs.Count == 0 ? "" : "?" + string.Join('&', pairs);
    }

    private static void Add(List<string> pairs, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            pairs.Add($"{key}={Uri.EscapeDataString(value)}");
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DateTimeOffset? Day(string? value) =>
        DateTime.TryParseExact(value, DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new DateTimeOffset(day, TimeSpan.Zero)
            : null;
}
