using System.Net;
using HiBobAdmin.HiBob;
using Polly.Timeout;

namespace HiBobAdmin.Tests.HiBob;

public sealed class HiBobErrorsTests
{
    [Theory]
    [InlineData("""{"key":"bad.field","error":"Field root.nope does not exist"}""", "Field root.nope does not exist")]
    [InlineData("""{"message":"Something broke"}""", "Something broke")]
    [InlineData("""{"key":"only.key"}""", "only.key")]
    [InlineData("Upstream   timed\\n out", "Upstream timed\\n out")]
    [InlineData("<html><body>Bad gateway</body></html>", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void ErrorText_ReadsTheVendorExplanation_WhenBodyHasOne(string? body, string? expected)
    {
        var text = HiBobErrors.ErrorText(body);

        Assert.Equal(expected, text);
    }

    [Fact]
    public void ErrorText_ShortensTo200Characters_WhenTheExplanationIsLong()
    {
        var body = $$"""{"error":"{{new string('e', 1000)}}"}""";

        var text = HiBobErrors.ErrorText(body)!;

        Assert.Equal(200, text.Length);
        Assert.EndsWith("…", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Shorten_MasksAuthorizationValues_WhenAProxyEchoesThem()
    {
        var text = HiBobErrors.Shorten("Blocked request with Authorization: Basic U0VSVklDRS1VU0VSLTEyMzp0MGszbg==");

        Assert.Equal("Blocked request with Authorization: Basic ***", text);
    }

    [Fact]
    public void FromStatus_NamesTheStatus_WhenNoSpecialMessageApplies()
    {
        var error = HiBobErrors.FromStatus(HttpStatusCode.BadGateway, "<html>proxy</html>");

        Assert.Equal("HiBob 502", error.Message);
        Assert.Equal(502, error.StatusCode);
    }

    [Fact]
    public void FromTransport_DescribesTheFailure_WithoutTheLibraryText()
    {
        var dns = HiBobErrors.FromTransport(
            new HttpRequestException(
                HttpRequestError.NameResolutionError,
                "Name or service not known (api.hibob.com:443)"));
        var timeout = HiBobErrors.FromTransport(new TimeoutRejectedException());

        Assert.Equal("Could not reach HiBob: the host name could not be resolved", dns.Message);
        Assert.Equal("HiBob did not answer in time", timeout.Message);
    }
}
