using System.Net;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Port;

/// <summary>The client side of "Disable in Port": one PATCH with the status alone; Port's answer becomes the outcome.</summary>
public sealed class PortDisableUserTests
{
    [Fact]
    public async Task DisableUser_SendsOnePatchOfTheStatusAlone_ToTheUsersEntity()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            StubHttpHandler.Json(HttpStatusCode.OK, """{"ok":true,"entity":{"identifier":"a/b@example.com"}}""")));

        var outcome = await host.Catalog.DisableUserAsync("a/b@example.com", CancellationToken.None);

        Assert.True(outcome.Succeeded);
        var request = Assert.Single(host.ApiRequests);
        Assert.Equal(HttpMethod.Patch, request.Method);
        Assert.Equal("/v1/blueprints/_user/entities/a%2Fb%40example.com", request.Uri.AbsolutePath);
        Assert.Equal("""{"properties":{"status":"Disabled"}}""", request.Body);
    }

    [Fact]
    public async Task DisableUser_ReturnsPortsMessage_WhenPortRefuses()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) => PortStub.Error(
            HttpStatusCode.NotFound, "not_found", "Entity with identifier \"x@example.com\" of blueprint _user was not found.")));

        var outcome = await host.Catalog.DisableUserAsync("x@example.com", CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal(
            "Port 404: Entity with identifier \"x@example.com\" of blueprint _user was not found.",
            outcome.Message);
    }

    [Fact]
    public async Task DisableUser_Throws_WhenPortRejectsTheCredentials()
    {
        using var host = new PortTestHost(PortStub.Route((_, _) =>
            PortStub.Error(HttpStatusCode.Unauthorized, "unauthorized", "Token expired.")));

        var refused = await Assert.ThrowsAsync<VendorApiException>(
            () => host.Catalog.DisableUserAsync("x@example.com", CancellationToken.None));

        Assert.Equal("Port authentication failed", refused.Message);
    }
}
