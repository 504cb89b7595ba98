using HiBobAdmin.Matching;

namespace HiBobAdmin.Components.Common;

/// <summary>Addresses of the manual-decisions page with the row's people preselected.</summary>
public static class DecisionLinks
{
    public static string LinkManually(PersonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var query = new List<string>();
        if (row.Employee is { } employee)
        {
            query.Add("employee=" + Uri.EscapeDataString(employee.Id));
        }

        if (row.PortUser is { } user)
        {
            query.Add("portUser=" + Uri.EscapeDataString(user.Identifier));
        }

        return query.Count == 0 ? "/decisions" : "/decisions?" + string.Join('&', query);
    }

    public static string MarkExpected(PersonRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return row.PortUser is { } user
            ? "/decisions?tab=expected&portUser=" + Uri.EscapeDataString(user.Identifier)
            : "/decisions?tab=expected";
    }
}
