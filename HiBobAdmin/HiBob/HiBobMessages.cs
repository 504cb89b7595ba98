using System.Globalization;

namespace HiBobAdmin.HiBob;

/// <summary>The sentences HiBob failures show in the UI and store on a run. None of them holds a credential.</summary>
public static class HiBobMessages
{
    public const string Unauthorized = "HiBob rejected the service-user credentials (401)";

    public const string Forbidden =
        "HiBob denied access (403): add the service user to a permission group that can view employees";

    public const string RateLimited = "HiBob rate limit reached (429); try again later";

    public const string NonJson = "Unexpected non-JSON response from HiBob";

    public const string NoEmployeesList = "Unexpected response from HiBob: the body has no employees list";

    public const string NotConfigured =
        "HiBob is not configured: set HiBob:ServiceUserId and HiBob:ServiceUserToken";

    public const string TimedOut = "HiBob did not answer in time";

    /// <summary>
    /// "No HiBob employee with email qa+bob@example.com": repeats the input exactly as given, so a lost
    /// <c>+</c> tag would be visible (B10).
    /// </summary>
    public static string NoEmployee(string identifier)
    {
        ArgumentNullException.ThrowIfNull(identifier);
        var kind = identifier.Contains('@', StringComparison.Ordinal) ? "email" : "id";
        return $"No HiBob employee with {kind} {identifier}";
    }

    /// <summary>HiBob silently drops fields the service user may not see; this names them (200 with gaps).</summary>
    public static string MissingFields(IReadOnlyList<string> fieldIds, int employeeCount)
    {
        ArgumentNullException.ThrowIfNull(fieldIds);
        var fields = string.Join(", ", fieldIds);
        var what = fieldIds.Count == 1
            ? "lacks View access to that field's category"
            : "lacks View access to those fields' categories";
        var count = employeeCount.ToString(CultureInfo.InvariantCulture);
        return $"HiBob returned no {fields} for any of {count} employees: "
            + $"the service user's permission group probably {what}.";
    }

    internal static string BadRequest(string? detail) => WithDetail("HiBob rejected the request (400)", detail);

    internal static string Status(int statusCode, string? detail) =>
        WithDetail($"HiBob {statusCode.ToString(CultureInfo.InvariantCulture)}", detail);

    private static string WithDetail(string message, string? detail) =>
        string.IsNullOrEmpty(detail) ? message : $"{message}: {detail}";

    /// <summary>An employee HiBob returned without <c>internal.status</c> while others have it.</summary>
    public const string StatusWithheld =
        "HiBob did not return internal.status for this employee, so whether they are active is unknown; the service "
        + "user's permission group may not cover their lifecycle data.";
}
