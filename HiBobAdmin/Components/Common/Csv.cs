using System.Text;

namespace HiBobAdmin.Components.Common;

/// <summary>
/// CSV as RFC 4180 quotes it. Cells that a spreadsheet would run as a formula get an apostrophe in front (OWASP
/// "CSV injection"): names, emails and notes come from HiBob, Port and admins, where anyone may have typed them.
/// </summary>
public static class Csv
{
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

    /// <summary>Appends one record and its CRLF.</summary>
    public static void AppendLine(StringBuilder csv, IEnumerable<string?> cells)
    {
        ArgumentNullException.ThrowIfNull(csv);
        csv.AppendJoin(',', cells.Select(Cell));
        csv.Append("\r\n");
    }

    /// <summary>The text as UTF-8 with a byte-order mark, which makes spreadsheet programs read accented names right.</summary>
    public static byte[] Utf8WithBom(string csv) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)];
}
