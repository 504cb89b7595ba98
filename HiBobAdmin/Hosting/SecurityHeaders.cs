using System.Security.Cryptography;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace HiBobAdmin.Hosting;

/// <summary>
/// Browser hardening in one place: a Content-Security-Policy that Blazor Server and MudBlazor live with, no framing,
/// no MIME sniffing, a strict referrer, HSTS outside development, and request body limits sized for a dashboard
/// that never takes uploads. See docs/decisions/0020-security-headers.md.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The largest request body Kestrel accepts (forms, API and webhook bodies alike).</summary>
    public const long MaxRequestBodyBytes = 1024 * 1024;

    private const string NonceKey = "HiBobAdmin.CspNonce";

    /// <summary>Sets the request size limits and HSTS options; call while building.</summary>
    public static WebApplicationBuilder AddSecurityHeaders(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        builder.Services.Configure<FormOptions>(form =>
        {
            form.MultipartBodyLengthLimit = MaxRequestBodyBytes;
            form.ValueCountLimit = 1024;
        });
        builder.Services.AddHsts(hsts =>
        {
            hsts.MaxAge = TimeSpan.FromDays(365);
            hsts.IncludeSubDomains = true;
        });
        return builder;
    }

    /// <summary>Adds the headers to every response; call first in the pipeline so error pages carry them too.</summary>
    public static WebApplication UseSecurityHeaders(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Environment.IsDevelopment())
        {
            // Sent only on HTTPS responses; TLS usually ends at a reverse proxy, so no HTTPS redirection here.
            app.UseHsts();
        }

        app.Use((context, next) =>
        {
            var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy(nonce);
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            return next(context);
        });
        return app;
    }

    /// <summary>The nonce of this response's policy, for the one inline script Blazor renders (the import map).</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;

    // Blazor Server needs its own scripts and a same-origin WebSocket ('self' covers ws/wss in CSP level 3);
    // MudBlazor sets inline style attributes, so styles allow 'unsafe-inline' while scripts never do.
    // Avatars come from HiBob's image hosts, hence https: images.
    internal static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; "
        + $"script-src 'self' 'nonce-{nonce}'; "
        + "style-src 'self' 'unsafe-inline'; "
        + "img-src 'self' data: https:; "
        + "font-src 'self' data:; "
        + "connect-src 'self'; "
        + "object-src 'none'; "
        + "base-uri 'self'; "
        + "form-action 'self'; "
        + "frame-ancestors 'none'";
}
