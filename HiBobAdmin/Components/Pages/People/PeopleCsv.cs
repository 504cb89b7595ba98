using System.Globalization;
using System.Text;
using HiBobAdmin.Components.Common;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Components.Pages.People;

/// <summary>
/// The people view as CSV (RFC 4180 quoting). Cells that a spreadsheet would run as a formula get an apostrophe in
/// front (OWASP "CSV injection"): names and emails come from HiBob and Port, where anyone may have typed them.
/// </summary>
public static class PeopleCsv
{
    private static readonly string[] Header =
    [
        "Employee", "HiBob id", "HiBob email", "HiBob status", "Port user", "Account status", "Link status",
        "Why", "Last synced",
    ];

    public static string Build(IEnumerable<PersonRow> rows, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        AppendLine(csv, Header);
        var synced = readAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            AppendLine(csv,
            [
                row.Employee?.Name,
                row.Employee?.Id,
                row.Employee?.Email,
                PeopleQuery.HiBobStatusOf(row.Employee),
                row.PortUser?.Identifier,
                row.PortUser?.Status,
                LinkStatusText.Of(row.Status),
                row.Reason,
                synced,
            ]);
        }

        return csv.ToString();
    }

    /// <summary>One cell, defused and quoted when needed.</summary>
    public static string Cell(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || value[0] == ' ' || value[^1] == ' '
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
    }

    private static void AppendLine(StringBuilder csv, IEnumerable<string?> cells)
    {
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }
}
