using System.Net;
using System.Text;
using HiBobAdmin.Port;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Port;

public sealed class PortErrorsTests
{
    [Fact] // B19a
    public async Task DescribeAsync_ReturnsStatusAndPortMessage_WhenBodyIsPortError()
    {
        using var response = PortStub.Error(
            HttpStatusCode.UnprocessableEntity,
            "invalid_request",
            "fake: property x is not allowed");

        var message = await PortErrors.DescribeAsync(response, default);

        Assert.Equal("Port 422: fake: property x is not allowed", message);
    }

    [Fact]
    public async Task DescribeAsync_ReturnsErrorCode_WhenBodyHasNoMessage()
    {
        using var response = StubHttpHandler.Json(HttpStatusCode.Forbidden, """{"ok":false,"error":"forbidden"}""");

        var message = await PortErrors.DescribeAsync(response, default);

        Assert.Equal("Port 403: forbidden", message);
    }

    [Fact] // B19
    public async Task DescribeAsync_SaysNonJson_WhenBodyIsHtml()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html><h1>502 Bad Gateway</h1></html>", Encoding.UTF8, "text/html"),
        };

        var message = await PortErrors.DescribeAsync(response, default);

        Assert.Equal("Port 502: Unexpected non-JSON response from Port", message);
    }

    [Fact]
    public async Task DescribeAsync_ReturnsReasonPhrase_WhenBodyIsEmpty()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.NotFound);

        var message = await PortErrors.DescribeAsync(response, default);

        Assert.Equal("Port 404: Not Found", message);
    }

    [Fact]
    public async Task ToExceptionAsync_SaysAuthenticationFailed_WhenStatusIs401()
    {
        using var response = PortStub.Error(HttpStatusCode.Unauthorized, "token_expired", "Token expired");

        var error = await PortErrors.ToExceptionAsync(response, default);

        Assert.Equal(("Port", 401, "Port authentication failed"), (error.Vendor, error.StatusCode, error.Message));
    }

    [Fact]
    public void Shorten_CutsToTwoHundredCharactersOnOneLine_WhenMessageIsLong()
    {
        var shortened = PortErrors.Shorten("first line\r\n" + new string('y', 400));

        Assert.Equal(200, shortened.Length);
        Assert.StartsWith("first line yyy", shortened, StringComparison.Ordinal);
        Assert.EndsWith("y…", shortened, StringComparison.Ordinal);
    }
}
