using System.Globalization;
using System.Text;
using HiBobAdmin.Port;
using HiBobAdmin.Security.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Security.Webhooks;

public sealed class PortSignatureVerifierTests
{
    private const string Secret = "port-client-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"event":{"action":"CREATE"}}""");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Sign_MatchesAnHmacComputedIndependently()
    {
        var signature = PortSignatureVerifier.Sign(Secret, "1767225600", Body);

        Assert.Equal(ExpectedSignature, signature);
    }

    [Theory]
    [InlineData(0, SignatureCheck.Valid)]
    [InlineData(300, SignatureCheck.Valid)]
    [InlineData(301, SignatureCheck.Stale)]
    [InlineData(-30, SignatureCheck.Valid)]
    [InlineData(-31, SignatureCheck.Stale)]
    public void Verify_AcceptsOnlyTimestampsWithinTheWindow(int ageSeconds, SignatureCheck expected)
    {
        var verifier = Verifier(Secret);
        var timestamp = (_time.GetUtcNow().ToUnixTimeSeconds() - ageSeconds).ToString(CultureInfo.InvariantCulture);

        var check = verifier.Verify(timestamp, "v1," + PortSignatureVerifier.Sign(Secret, timestamp, Body), Body);

        Assert.Equal(expected, check);
    }

    [Fact]
    public void Verify_ForgetsASignature_OnceItsWindowHasPassed()
    {
        var verifier = Verifier(Secret);
        var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = "v1," + PortSignatureVerifier.Sign(Secret, timestamp, Body);
        var first = verifier.Verify(timestamp, signature, Body);
        var replay = verifier.Verify(timestamp, signature, Body);

        _time.Advance(TimeSpan.FromMinutes(6));
        var later = verifier.Verify(timestamp, signature, Body);

        Assert.Equal(SignatureCheck.Valid, first);
        Assert.Equal(SignatureCheck.Replayed, replay);
        Assert.Equal(SignatureCheck.Stale, later);
    }

    [Theory]
    [InlineData("1767225600", "v2,whatever", SignatureCheck.Invalid)]
    [InlineData("yesterday", "v1,whatever", SignatureCheck.Invalid)]
    [InlineData(null, "v1,whatever", SignatureCheck.Missing)]
    [InlineData("1767225600", null, SignatureCheck.Missing)]
    public void Verify_RefusesMalformedHeaders(string? timestamp, string? signature, SignatureCheck expected)
    {
        var check = Verifier(Secret).Verify(timestamp, signature, Body);

        Assert.Equal(expected, check);
    }

    [Fact]
    public void Verify_ReportsNotConfigured_WhenThereIsNoClientSecret()
    {
        var check = Verifier(null).Verify("1767225600", "v1," + ExpectedSignature, Body);

        Assert.Equal(SignatureCheck.NotConfigured, check);
    }

    // printf '%s' '1767225600.{body}' | openssl dgst -sha256 -hmac 'port-client-secret' -binary | base64
    private const string ExpectedSignature = "crFoyeg2no4e/WbZAZ9LwqeDKjKlczqSQFXrJN0yd6Y=";

    private PortSignatureVerifier Verifier(string? secret) => new(
        new StaticMonitor<PortOptions>(new PortOptions { ClientId = "id", ClientSecret = secret }),
        new StaticMonitor<WebhookOptions>(new WebhookOptions()),
        _time);
}
