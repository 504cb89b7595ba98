using System.Net;
using HiBobAdmin.HiBob;
using Polly;
using Polly.Timeout;

namespace HiBobAdmin.Tests.HiBob;

public sealed class HiBobRetryPolicyTests
{
    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, true)]
    [InlineData(HttpStatusCode.RequestTimeout, true)]
    [InlineData(HttpStatusCode.InternalServerError, true)]
    [InlineData(HttpStatusCode.BadGateway, true)]
    [InlineData(HttpStatusCode.ServiceUnavailable, true)]
    [InlineData(HttpStatusCode.GatewayTimeout, true)]
    [InlineData(HttpStatusCode.Unauthorized, false)] // B05: the firewall blocks repeated 401s
    [InlineData(HttpStatusCode.Forbidden, false)]
    [InlineData(HttpStatusCode.BadRequest, false)]
    [InlineData(HttpStatusCode.NotFound, false)]
    [InlineData(HttpStatusCode.NotImplemented, false)]
    [InlineData(HttpStatusCode.OK, false)]
    public void ShouldRetry_FollowsTheStatusList(HttpStatusCode status, bool expected)
    {
        using var response = new HttpResponseMessage(status);

        var retried = HiBobServiceCollectionExtensions.ShouldRetry(Outcome.FromResult(response));

        Assert.Equal(expected, retried);
    }

    [Fact]
    public void ShouldRetry_RetriesTransportFailuresAndAttemptTimeouts_ButNotOtherExceptions()
    {
        var transport = HiBobServiceCollectionExtensions.ShouldRetry(
            Outcome.FromException<HttpResponseMessage>(new HttpRequestException("connection reset")));
        var timeout = HiBobServiceCollectionExtensions.ShouldRetry(
            Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()));
        var other = HiBobServiceCollectionExtensions.ShouldRetry(
            Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()));

        Assert.True(transport);
        Assert.True(timeout);
        Assert.False(other);
    }
}
