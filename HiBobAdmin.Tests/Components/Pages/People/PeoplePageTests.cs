using Bunit;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;
using MudBlazor;

namespace HiBobAdmin.Tests.Components.Pages.People;

public sealed class PeoplePageTests : IAsyncLifetime
{
    private PeoplePageHost _host = null!;

    [Fact]
    public async Task Search_FindsAPersonOnAnotherPage_WithTotalOne_AndOneLoad() // B18
    {
        _host = new PeoplePageHost(PeopleTestData.Large());
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));
        var loadsBefore = _host.Query.Calls.Count;

        await PeoplePageHost.SearchAsync(page, "u2400");

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        Assert.Contains("u2400@example.com", Rows(page)[0].TextContent, StringComparison.Ordinal);
        Assert.Equal(1, _host.Query.Calls.Count - loadsBefore);
        Assert.Equal(0, _host.Query.Calls[^1].Page);
        Assert.Contains("1-1 of 1", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/people?q=u2400", _host.Navigation.Uri);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1.5")]
    [InlineData("99999999999")]
    [InlineData("-1")]
    public void Page_ShowsPageOne_WhenThePageInTheAddressIsNotAPageNumber(string value)
    {
        _host = new PeoplePageHost(PeopleTestData.Large());

        var page = _host.Render($"/people?page={value}");

        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));
        Assert.Equal(0, _host.Query.Calls[^1].Page);
        Assert.Contains("u0001@example.com", Rows(page)[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void StatusFilter_FromPageThree_GoesBackToPageOne_WithTheFilteredTotal_AndOneLoad() // B18
    {
        _host = new PeoplePageHost(PeopleTestData.Large());
        var page = _host.Render("/people?page=3");
        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));
        Assert.Equal(2, _host.Query.Calls[^1].Page);
        Assert.Contains("u0101@example.com", Rows(page)[0].TextContent, StringComparison.Ordinal);
        var loadsBefore = _host.Query.Calls.Count;

        SelectStatus(page, "Port only");

        page.WaitForAssertion(() => Assert.Contains("1-50 of 500", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        Assert.Equal(1, _host.Query.Calls.Count - loadsBefore);
        Assert.Equal((new PeopleCriteria(Status: LinkStatus.PortOnly), 0), _host.Query.Calls[^1]);
        Assert.Equal(50, Rows(page).Count);
        Assert.All(Rows(page), r => Assert.Contains("Port only", r.TextContent, StringComparison.Ordinal));
        Assert.Equal("http://localhost/people?status=PortOnly", _host.Navigation.Uri);
    }

    [Fact]
    public async Task SearchThenStatusFilter_KeepsTheOneMatch_WithOneLoadPerChange() // B18
    {
        _host = new PeoplePageHost(PeopleTestData.Large());
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));
        await PeoplePageHost.SearchAsync(page, "U2400");
        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        var loadsBefore = _host.Query.Calls.Count;

        SelectStatus(page, "Port only");

        page.WaitForAssertion(() => Assert.Equal(loadsBefore + 1, _host.Query.Calls.Count));
        Assert.Single(Rows(page));
        Assert.Contains("1-1 of 1", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
        Assert.Equal("http://localhost/people?status=PortOnly&q=U2400", _host.Navigation.Uri);
    }

    [Fact]
    public void SharedLink_OpensWithItsFiltersAndPage()
    {
        _host = new PeoplePageHost(PeopleTestData.Large());

        var page = _host.Render("/people?status=PortOnly&q=u2&page=2");

        page.WaitForAssertion(() => Assert.Single(_host.Query.Calls));
        Assert.Equal((new PeopleCriteria("u2", LinkStatus.PortOnly), 1), _host.Query.Calls[0]);
        Assert.Equal("u2", page.Find("input[data-testid=people-search]").GetAttribute("value"));
        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count)); // u2000, u2005 … u2500: 101 Port-only rows
        Assert.Contains("u2250@example.com", Rows(page)[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("51-100 of 101", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Paging_WritesThePageIntoTheAddress()
    {
        _host = new PeoplePageHost(PeopleTestData.Large());
        var page = _host.Render("/people?status=Matched");
        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));

        page.Find("button[aria-label='Next page']").Click();

        page.WaitForAssertion(() => Assert.Equal("http://localhost/people?status=Matched&page=2", _host.Navigation.Uri));
        Assert.Equal(1, _host.Query.Calls[^1].Page);
        Assert.Equal(2, _host.Query.Calls.Count);
    }

    [Fact]
    public void AddressChange_ReloadsTheGridWithTheNewFilters()
    {
        _host = new PeoplePageHost(PeopleTestData.Large());
        var page = _host.Render();
        page.WaitForAssertion(() => Assert.Equal(50, Rows(page).Count));

        _host.Navigation.NavigateTo("/people?status=PortOnly");

        page.WaitForAssertion(() => Assert.Contains("of 500", page.Find(".mud-table-pagination").TextContent, StringComparison.Ordinal));
        Assert.Equal(2, _host.Query.Calls.Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<Bunit.Rendering.ContainerFragment> page) =>
        page.FindAll("[data-testid=people-grid] tbody tr.mud-table-row");

    private static void SelectStatus(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string text)
    {
        page.Find("[data-testid=filter-status]").Closest("div.mud-input-control")!.MouseDown();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-list-item")));
        page.FindAll(".mud-list-item").First(i => i.TextContent.Trim() == text).Click();
    }
}
