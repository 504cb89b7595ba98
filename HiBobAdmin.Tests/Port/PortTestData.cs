using System.Globalization;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Tests.Port;

/// <summary>Made-up employees and links for the Port client tests.</summary>
internal static class PortTestData
{
    public static string EmployeeId(int n) => string.Create(CultureInfo.InvariantCulture, $"300000000000{n:0000000}");

    public static string Email(int n) => string.Create(CultureInfo.InvariantCulture, $"person{n}@example.com");

    public static HibobUserWrite HibobWrite(int n, HibobUserWriteKind kind = HibobUserWriteKind.Create)
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"Person {n}");
        var properties = new HibobUserProperties
        {
            Id = EmployeeId(n),
            DisplayName = name,
            FirstName = "Person",
            Surname = n.ToString(CultureInfo.InvariantCulture),
            Email = Email(n),
            CompanyId = "640123",
            State = "Active",
            IsManager = false,
            Department = "254321",
        };
        return new HibobUserWrite(kind, new HibobUserEntity(EmployeeId(n), name, properties));
    }

    public static IReadOnlyList<HibobUserWrite> HibobWrites(int count) =>
        [.. Enumerable.Range(1, count).Select(n => HibobWrite(n))];

    public static UserLinkWrite Link(int n) => new(UserLinkKind.Link, Email(n), EmployeeId(n), null);

    public static IReadOnlyList<UserLinkWrite> Links(int count) => [.. Enumerable.Range(1, count).Select(Link)];
}
