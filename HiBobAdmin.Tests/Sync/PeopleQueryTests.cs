using HiBobAdmin.Matching;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.Components.Pages.People;

namespace HiBobAdmin.Tests.Sync;

public sealed class PeopleQueryTests
{
    private static readonly PeopleSnapshot Large = PeopleTestData.Large();

    [Fact]
    public void Apply_FindsARowOnAnyPage_WithTotalOne_WhenSearching() // B18
    {
        var result = PeopleQuery.Apply(Large, new PeopleCriteria("U2400"), null, 0, 50);

        var row = Assert.Single(result.Rows);
        Assert.Equal("u2400@example.com", row.PortUser!.Identifier);
        Assert.Equal(1, result.Total);
    }

    [Fact]
    public void Apply_CountsEveryFilteredRow_AndReturnsOnePage_WhenFilteringByStatus() // B18
    {
        var result = PeopleQuery.Apply(Large, new PeopleCriteria(Status: LinkStatus.PortOnly), null, 1, 50);

        Assert.Equal(500, result.Total);
        Assert.Equal(50, result.Rows.Count);
        Assert.Equal("u0255@example.com", result.Rows[0].PortUser!.Identifier);
        Assert.Equal(PeopleTestData.ReadAt, result.ReadAt);
    }

    [Theory]
    [InlineData("Person 0007", 1)]
    [InlineData("0007", 1)]
    [InlineData("EXAMPLE.COM", 2500)]
    [InlineData("nobody", 0)]
    public void Apply_SearchesNameEmailIdAndPortIdentifier_IgnoringCase(string search, int total)
    {
        var result = PeopleQuery.Apply(Large, new PeopleCriteria(search), null, 0, 10);

        Assert.Equal(total, result.Total);
    }

    [Fact]
    public void Apply_FiltersByHiBobAndAccountStatus()
    {
        var snapshot = PeopleTestData.Small(null,
            PeopleTestData.Matched("1", "a@example.com"),
            PeopleTestData.HiBobOnly("2", "b@example.com"),
            PeopleTestData.PortOnly("c@example.com", "disabled"),
            new PersonRow(PeopleTestData.Employee("4", "d@example.com", active: false), null, LinkStatus.Leaver, "d@example.com", "Left."));

        Assert.Equal(["4"], Ids(PeopleQuery.Apply(snapshot, new PeopleCriteria(HiBobStatus: "Inactive"), null, 0, 10)));
        Assert.Equal(["c@example.com"], Ids(PeopleQuery.Apply(snapshot, new PeopleCriteria(HiBobStatus: "None"), null, 0, 10)));
        Assert.Equal(["c@example.com"], Ids(PeopleQuery.Apply(snapshot, new PeopleCriteria(AccountStatus: "Disabled"), null, 0, 10)));
        Assert.Equal(["2", "4"], Ids(PeopleQuery.Apply(snapshot, new PeopleCriteria(AccountStatus: "None"), null, 0, 10)));
    }

    [Fact]
    public void Apply_SortsOverAllRows_BeforePaging()
    {
        var result = PeopleQuery.Apply(Large, PeopleCriteria.Everyone, new PeopleSort(PeopleSortKey.PortUser, Descending: true), 0, 3);

        Assert.Equal(["u2500@example.com", "u2499@example.com", "u2498@example.com"], result.Rows.Select(r => r.PortUser!.Identifier));
    }

    [Fact]
    public void FromQuery_IgnoresUnknownValues_AndTrimsTheSearch()
    {
        var criteria = PeopleCriteria.FromQuery("hibobonly", "  ana ", "nonsense", "disabled");

        Assert.Equal(new PeopleCriteria("ana", LinkStatus.HiBobOnly, null, "Disabled"), criteria);
    }

    private static string[] Ids(PeopleQueryResult result) =>
        [.. result.Rows.Select(r => r.Employee?.Id ?? r.PortUser!.Identifier)];
}
