using System.Net;
using HiBobAdmin.Security;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Components.Pages.People;

[Collection(WholeApp.Name)]
public sealed class PeopleExportEndpointTests
{
    [Fact]
    public async Task Export_ReturnsEveryFilteredRowOfTheSnapshot_AsCsv()
    {
        await using var app = await SandboxApp.StartAsync();
        app.Sandbox.AddEmployee("9000000000000000001", "=zzexport@example.com");
        app.Sandbox.AddPortUser("zzexport-fin@example.com");
        await app.Snapshots.RefreshAsync(CancellationToken.None);
        using var client = await app.SignInAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri("/people/export.csv?q=ZZEXPORT", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("attachment", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("Employee,HiBob id,HiBob email,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(
            "Person 9000000000000000001,9000000000000000001,'=zzexport@example.com,Active,,,HiBob only,",
            lines[1],
            StringComparison.Ordinal);
        Assert.StartsWith(",,,,zzexport-fin@example.com,Active,Port only,", lines[2], StringComparison.Ordinal);
    }
}
