namespace HiBobAdmin.Components.Common;

/// <summary>Where a person lives in the vendors' own web apps, for "Open in HiBob" and "Open in Port".</summary>
public static class VendorLinks
{
    /// <summary>HiBob's employee profile page, e.g. <c>https://app.hibob.com/employee-profile/3332883884017713238</c>.</summary>
    public static string HiBobProfile(string employeeId) =>
        $"https://app.hibob.com/employee-profile/{Uri.EscapeDataString(employeeId)}";

    /// <summary>
    /// The entity page of a Port user. Port's web app lives beside its API: <c>api.port.io</c> is
    /// <c>app.port.io</c>, <c>api.us.port.io</c> is <c>app.us.port.io</c> (docs.port.io, API reference, Regions).
    /// </summary>
    public static string PortUser(string portApiHost, string identifier)
    {
        ArgumentNullException.ThrowIfNull(portApiHost);
        var appHost = portApiHost.StartsWith("api.", StringComparison.OrdinalIgnoreCase)
            ? "app." + portApiHost[4..]
            : "app.port.io";
        return $"https://{appHost}/_userEntity?identifier={Uri.EscapeDataString(identifier)}";
    }
}
