using System.Net;
using HiBobAdmin.Security;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.Hosting;

[Collection(WholeApp.Name)]
public sealed class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/people")]
    [InlineData("/healthz")]
    [InlineData("/people/export.csv")]
    public async Task Response_CarriesTheSecurityHeaders_OnPagesAndEndpoints(string path)
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = await app.SignInAsync(Roles.Viewer);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("nosniff", Single(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Single(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Single(response, "Referrer-Policy"));
        var csp = Single(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';", csp);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "HSTS is never sent over plain HTTP.");
    }

    [Fact]
    public async Task Page_GivesTheImportMapThisResponsesNonce_AndANewNonceEachTime()
    {
        await using var app = await SandboxApp.StartAsync();
        using var client = await app.SignInAsync(Roles.Viewer);

        using var first = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var second = await client.GetAsync(new Uri("/", UriKind.Relative));

        var nonce = NonceOf(first);
        Assert.NotEqual(nonce, NonceOf(second));
        var html = await first.Content.ReadAsStringAsync();
        // Decoded as a browser reads the attribute: Razor writes a '+' of the base64 nonce as &#x2B;.
        var head = System.Net.WebUtility.HtmlDecode(html[..Math.Max(0, html.IndexOf("</head>", StringComparison.Ordinal))]);
        Assert.True(
            head.Contains($"<script type=\"importmap\" nonce=\"{nonce}\">", StringComparison.Ordinal),
            $"no import map with nonce {nonce} in: {head}");
    }

    [Fact]
    public async Task Kestrel_LimitsRequestBodiesToOneMegabyte()
    {
        await using var app = await SandboxApp.StartAsync();

        var kestrel = app.Services.GetRequiredService<IOptions<KestrelServerOptions>>().Value;
        var forms = app.Services.GetRequiredService<IOptions<FormOptions>>().Value;

        Assert.Equal(1024 * 1024, kestrel.Limits.MaxRequestBodySize);
        Assert.Equal(1024 * 1024, forms.MultipartBodyLengthLimit);
    }

    private static string NonceOf(HttpResponseMessage response)
    {
        var csp = Single(response, "Content-Security-Policy");
        var start = csp.IndexOf("'nonce-", StringComparison.Ordinal) + "'nonce-".Length;
        return csp[start..csp.IndexOf('\'', start)];
    }

    private static string Single(HttpResponseMessage response, string header) =>
        Assert.Single(response.Headers.TryGetValues(header, out var values) ? values : []);
}
