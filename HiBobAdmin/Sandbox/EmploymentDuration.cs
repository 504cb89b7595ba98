using System.Globalization;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>
/// HiBob's machine form of <c>work.durationOfEmployment</c>: <c>{periodISO, sortFactor, humanize}</c>.
/// </summary>
internal static class EmploymentDuration
{
    public static JsonObject Between(DateOnly start, DateOnly end)
    {
        var years = end.Year - start.Year;
        var months = end.Month - start.Month;
        var days = end.Day - start.Day;
        if (days < 0)
        {
            months--;
            var previous = end.AddMonths(-1);
            days += DateTime.DaysInMonth(previous.Year, previous.Month);
        }

        if (months < 0)
        {
            years--;
            months += 12;
        }

        var iso = "P"
            + (years > 0 ? Invariant(years) + "Y" : string.Empty)
            + (months > 0 ? Invariant(months) + "M" : string.Empty)
            + (days > 0 || years + months == 0 ? Invariant(days) + "D" : string.Empty);
        var parts = new List<string>();
        AddPart(parts, years, "year");
        AddPart(parts, months, "month");
        AddPart(parts, days, "day");
        var humanize = parts.Count switch
        {
            0 => "0 days",
            1 => parts[0],
            _ => string.Join(", ", parts[..^1]) + " and " + parts[^1],
        };

        return new JsonObject
        {
            ["periodISO"] = iso,
            ["sortFactor"] = end.DayNumber - start.DayNumber,
            ["humanize"] = humanize,
        };
    }

    private static void AddPart(List<string> parts, int count, string unit)
    {
        if (count > 0)
        {
            parts.Add($"{Invariant(count)} {unit}{(count == 1 ? string.Empty : "s")}");
        }
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
