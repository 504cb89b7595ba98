using Refit;

namespace HiBobAdmin.Port;

/// <summary>Port's token route. Its client has no token handler: asking for a token needs no token.</summary>
internal interface IPortAuthApi
{
    [Post("/v1/auth/access_token")]
    Task<HttpResponseMessage> CreateAccessTokenAsync(
        [Body(buffered: true)] PortTokenRequest request,
        CancellationToken cancellationToken);
}
