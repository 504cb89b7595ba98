using System.Text.Json;
using HiBobAdmin.HiBob;

namespace HiBobAdmin.Tests.HiBob;

public sealed class HiBobEmployeeReaderWithheldTests
{
    [Fact]
    public void Read_SkipsAnEmployeeWhoseStatusIsWithheld_WhenOthersCarryIt()
    {
        using var document = JsonDocument.Parse("""
            [{"id":"1","email":"ana@example.com","internal":{"status":"Active"}},
             {"id":"2","email":"bo@example.com"},
             {"id":"3","email":"cy@example.com","internal":{"status":null}}]
            """);

        var result = HiBobEmployeeReader.Read([.. document.RootElement.EnumerateArray()]);

        Assert.Equal(["1", "3"], result.Employees.Select(e => e.Id));
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal("2", skipped.Subject);
        Assert.Equal(HiBobMessages.StatusWithheld, skipped.Reason);
    }
}
