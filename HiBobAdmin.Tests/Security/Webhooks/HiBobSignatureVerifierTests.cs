using System.Text;
using HiBobAdmin.Api.Webhooks;
using HiBobAdmin.Security.Webhooks;
using Microsoft.Extensions.Time.Testing;

namespace HiBobAdmin.Tests.Security.Webhooks;

public sealed class HiBobSignatureVerifierTests
{
    private const string Secret = "bob-secret";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"type":"employee.left","data":{"employeeId":"1"}}""");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Sign_IsTheBase64HmacSha512OfTheRawBody()
    {
        var signature = HiBobSignatureVerifier.Sign(Secret, Body);

        Assert.Equal(
            Convert.ToBase64String(System.Security.Cryptography.HMACSHA512.HashData(Encoding.UTF8.GetBytes(Secret), Body)),
            signature);
        Assert.Equal(88, signature.Length);
    }

    [Fact]
    public void Verify_AcceptsARepeat_OnlyAfterTheDuplicateWindow()
    {
        var verifier = Verifier(Secret);
        var signature = HiBobSignatureVerifier.Sign(Secret, Body);
        var first = verifier.Verify(signature, Body);
        var repeat = verifier.Verify(signature, Body);

        _time.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        var later = verifier.Verify(signature, Body);

        Assert.Equal(SignatureCheck.Valid, first);
        Assert.Equal(SignatureCheck.Replayed, repeat);
        Assert.Equal(SignatureCheck.Valid, later);
    }

    [Fact]
    public void Verify_ReportsNotConfigured_WhenNoWebhookSecretIsSet()
    {
        var check = Verifier(null).Verify(HiBobSignatureVerifier.Sign(Secret, Body), Body);

        Assert.Equal(SignatureCheck.NotConfigured, check);
    }

    [Fact]
    public void Coalescer_StartsANewSync_OnceTheWindowHasPassed()
    {
        var coalescer = new HiBobEventCoalescer(
            new StaticMonitor<WebhookOptions>(new WebhookOptions { HiBobCoalesceWindow = TimeSpan.FromSeconds(30) }),
            _time);
        var first = coalescer.TryBegin("42");
        _time.Advance(TimeSpan.FromSeconds(29));
        var within = coalescer.TryBegin("42");
        var otherEmployee = coalescer.TryBegin("43");

        _time.Advance(TimeSpan.FromSeconds(2));
        var after = coalescer.TryBegin("42");

        Assert.True(first);
        Assert.False(within);
        Assert.True(otherEmployee);
        Assert.True(after);
    }

    private HiBobSignatureVerifier Verifier(string? secret) => new(
        new StaticMonitor<HiBobWebhookOptions>(new HiBobWebhookOptions { WebhookSecret = secret }),
        new StaticMonitor<WebhookOptions>(new WebhookOptions()),
        _time);
}
