using System.Globalization;
using System.Text;
using HiBobAdmin.Audit;
using HiBobAdmin.Components.Common;

namespace HiBobAdmin.Components.Pages.Audit;

/// <summary>The audit log as CSV, newest first, in the columns the page shows.</summary>
public static class AuditCsv
{
    private static readonly string[] Header = ["When (UTC)", "Who", "What", "Subject", "Detail"];

    public static async Task<string> BuildAsync(IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var csv = new StringBuilder();
        Csv.AppendLine(csv, Header);
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            Csv.AppendLine(csv,
            [
                entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                entry.Actor,
                AuditText.Action(entry.Action),
                entry.Subject,
                entry.Detail,
            ]);
        }

        return csv.ToString();
    }
}
