using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using HiBobAdmin.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>
/// A real Kestrel host on 127.0.0.1 with a dynamic port that serves the sandbox's emulated HiBob and Port APIs,
/// for tests that want the vendors on the other end of an actual socket. Dispose it to stop the server.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server root, e.g. <c>http://127.0.0.1:54321/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>HiBob's base with a trailing slash, so <c>v1/people/search</c> resolves under it.</summary>
    public Uri HiBobBaseAddress => new(BaseAddress, "sandbox/hibob/");

    /// <summary>Port's base with a trailing slash, so <c>v1/blueprints/_user</c> resolves under it.</summary>
    public Uri PortBaseAddress => new(BaseAddress, "sandbox/port/");

    public IServiceProvider Services => _app.Services;

    public SandboxState State => _app.Services.GetRequiredService<SandboxState>();

    public SandboxOptions Options => _app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value;

    /// <summary>
    /// Starts a host with <c>AddSandbox</c> + <c>MapSandbox</c>. <paramref name="configure"/> adjusts the options,
    /// <paramref name="time"/> replaces the clock (e.g. a FakeTimeProvider), and the two callbacks let a test add
    /// its own services or endpoints next to the sandbox.
    /// </summary>
    public static async Task<SandboxHost> StartAsync(
        Action<SandboxOptions>? configure = null,
        TimeProvider? time = null,
        Action<IServiceCollection>? configureServices = null,
        Action<WebApplication>? configureApp = null,
        CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        if (time is not null)
        {
            builder.Services.AddSingleton(time);
        }

        builder.Services.AddSandbox(builder.Configuration);
        if (configure is not null)
        {
            builder.Services.PostConfigure(configure);
        }

        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            app.Urls.Add("http://127.0.0.1:0");
            app.MapSandbox();
            configureApp?.Invoke(app);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.Single();
        return new SandboxHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>A client for the server root (no credentials).</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress };

    /// <summary>A HiBob client sending Basic auth; the sandbox's own credentials unless others are given.</summary>
    public HttpClient CreateHiBobClient(string? serviceUserId = null, string? token = null)
    {
        var client = new HttpClient { BaseAddress = HiBobBaseAddress };
        var raw = $"{serviceUserId ?? Options.HiBobServiceUserId}:{token ?? Options.HiBobServiceUserToken}";
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(raw)));
        return client;
    }

    /// <summary>Fetches an access token from the sandbox's token route with its own credentials.</summary>
    public async Task<string> GetPortTokenAsync(CancellationToken cancellationToken = default)
    {
        using var client = new HttpClient { BaseAddress = PortBaseAddress };
        using var response = await client.PostAsJsonAsync(
            "v1/auth/access_token",
            new { clientId = Options.PortClientId, clientSecret = Options.PortClientSecret },
            cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        return body!["accessToken"]!.GetValue<string>();
    }

    /// <summary>A Port client with a fresh bearer token.</summary>
    public async Task<HttpClient> CreatePortClientAsync(CancellationToken cancellationToken = default)
    {
        var client = new HttpClient { BaseAddress = PortBaseAddress };
        client.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Bearer", await GetPortTokenAsync(cancellationToken));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
