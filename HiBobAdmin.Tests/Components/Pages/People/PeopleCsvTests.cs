using HiBobAdmin.Components.Common;
using HiBobAdmin.Components.Pages.People;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Tests.Components.Pages.People;

public sealed class PeopleCsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("Smith, Jo", "\"Smith, Jo\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a=b", "a=b")]
    public void Cell_QuotesAndDefusesFormulas(string value, string expected)
    {
        var cell = Csv.Cell(value);

        Assert.Equal(expected, cell);
    }

    [Fact]
    public void Build_WritesAHeaderAndOneLinePerRow()
    {
        var rows = new[]
        {
            PeopleTestData.Matched("1", "ana@example.com") with { Reason = "Linked, fine." },
            new PersonRow(
                PeopleTestData.Employee("2", "=cmd@example.com", name: "-Bo"),
                null,
                LinkStatus.HiBobOnly,
                "=cmd@example.com",
                "No Port user."),
        };

        var csv = PeopleCsv.Build(rows, PeopleTestData.ReadAt);

        Assert.Equal(
            "Employee,HiBob id,HiBob email,HiBob status,Port user,Account status,Link status,Why,Read at\r\n"
            + "Person 1,1,ana@example.com,Active,ana@example.com,Active,Matched,\"Linked, fine.\",2026-12-03 09:30:00 UTC\r\n"
            + "'-Bo,2,'=cmd@example.com,Active,,,HiBob only,No Port user.,2026-12-03 09:30:00 UTC\r\n",
            csv);
    }
}
