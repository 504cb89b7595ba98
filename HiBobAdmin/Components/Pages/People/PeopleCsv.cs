using System.Globalization;
using System.Text;
using HiBobAdmin.Components.Common;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Components.Pages.People;

/// <summary>The people view as CSV (see <see cref="Csv"/> for quoting and the formula guard).</summary>
public static class PeopleCsv
{
    private static readonly string[] Header =
    [
        "Employee", "HiBob id", "HiBob email", "HiBob status", "Port user", "Account status", "Link status",
        "Why", "Read at",
    ];

    public static string Build(IEnumerable<PersonRow> rows, DateTimeOffset readAt)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var csv = new StringBuilder();
        Csv.AppendLine(csv, Header);
        var synced = readAt.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
        foreach (var row in rows)
        {
            Csv.AppendLine(csv,
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

}
