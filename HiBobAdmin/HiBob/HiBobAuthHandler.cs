using System.Net.Http.Headers;
using System.Text;
using HiBobAdmin.Infrastructure;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.HiBob;

/// <summary>
/// Adds <c>Authorization: Basic base64(id:token)</c> (https://apidocs.hibob.com/reference/authorization) on every
/// attempt, reading the current options so that a sandbox switch or a rotated token applies to the next call.
/// Without credentials nothing is sent: an anonymous call would only count towards HiBob's 401 firewall rule.
/// </summary>
public sealed class HiBobAuthHandler(IOptionsMonitor<HiBobOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);

        var current = options.CurrentValue;
        if (!current.IsConfigured)
        {
            throw new VendorApiException(HiBobErrors.Vendor, null, HiBobMessages.NotConfigured);
        }

        request.Headers.Authorization = CreateHeader(current.ServiceUserId!, current.ServiceUserToken!);
        return base.SendAsync(request, cancellationToken);
    }

    internal static AuthenticationHeaderValue CreateHeader(string serviceUserId, string token)
    {
        var credentials = Encoding.UTF8.GetBytes($"{serviceUserId.Trim()}:{token.Trim()}");
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(credentials));
    }
}
