using HiBobAdmin.Infrastructure;
using HiBobAdmin.Port;

namespace HiBobAdmin.Tests.Infrastructure;

public sealed class CredentialMaskTests
{
    [Theory]
    [InlineData("echo: Authorization: Bearer eyJhbGciOi.payload.sig", "echo: Authorization: Bearer ***")]
    [InlineData("Authorization: basic U0VSVklDRS1VU0VSLTEyMzp0MGszbg==", "Authorization: basic ***")]
    [InlineData("no credentials here", "no credentials here")]
    public void Apply_MasksAuthorizationValues(string text, string expected) =>
        Assert.Equal(expected, CredentialMask.Apply(text));

    [Fact]
    public void PortShorten_MasksABearerTokenEchoedByAProxy()
    {
        var message = PortErrors.Shorten("<html>Bad gateway. Request had Authorization: Bearer eyJabc.def.ghi</html>");

        Assert.DoesNotContain("eyJabc", message, StringComparison.Ordinal);
        Assert.Contains("Bearer ***", message, StringComparison.Ordinal);
    }
}
