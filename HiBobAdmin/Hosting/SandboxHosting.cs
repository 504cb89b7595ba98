using System.Net;
using System.Net.Sockets;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;

namespace HiBobAdmin.Hosting;

/// <summary>
/// Decides whether the app runs against the emulated HiBob and Port, and if so points the real clients at them.
/// The sandbox listens on a loopback port of its own, so the clients reach it over real HTTP exactly as they would
/// reach the vendors, and the dashboard's own address never serves the emulated APIs.
/// </summary>
public static class SandboxHosting
{
    /// <summary>Reads <c>Sandbox:Enabled</c> (default: on when neither side has credentials) and wires it up.</summary>
    public static EnvironmentInfo Configure(WebApplicationBuilder builder, HostMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var config = builder.Configuration;
        var hibobConfigured = HasAny(config, "HiBob:ServiceUserId", "HiBob:ServiceUserToken");
        var portConfigured = HasAny(config, "Port:ClientId", "Port:ClientSecret");
        var enabled = config.GetValue<bool?>("Sandbox:Enabled") ?? (!hibobConfigured && !portConfigured);

        if (!enabled)
        {
            var problems = MissingCredentials(config, "HiBob:ServiceUserId", "HiBob:ServiceUserToken")
                .Concat(MissingCredentials(config, "Port:ClientId", "Port:ClientSecret"))
                .ToList();
            if (problems.Count > 0)
            {
                throw new StartupConfigurationException(
                    $"{string.Join(" ", problems)} (Or set Sandbox:Enabled=true to use the simulated services.)");
            }

            if (mode == HostMode.Cli)
            {
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            }

            return new EnvironmentInfo(false, HostOf(config["HiBob:BaseUrl"], "api.hibob.com"), HostOf(config["Port:BaseUrl"], "api.port.io"));
        }

        var sandbox = config.GetSection("Sandbox").Get<SandboxOptions>() ?? new SandboxOptions();
        var url = $"http://127.0.0.1:{ReserveLoopbackPort()}";
        var storage = config.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var statePath = config["Sandbox:StatePath"] ?? Path.Combine(
            storage.ResolveDataDirectory(builder.Environment.ContentRootPath), "sandbox-state.json");

        config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sandbox:Enabled"] = "true",
            ["Sandbox:ListenUrl"] = url,
            ["Sandbox:StatePath"] = statePath,
            ["HiBob:BaseUrl"] = $"{url}/sandbox/hibob",
            ["HiBob:ServiceUserId"] = sandbox.HiBobServiceUserId,
            ["HiBob:ServiceUserToken"] = sandbox.HiBobServiceUserToken,
            ["Port:BaseUrl"] = $"{url}/sandbox/port",
            ["Port:ClientId"] = sandbox.PortClientId,
            ["Port:ClientSecret"] = sandbox.PortClientSecret,
        });

        var urls = mode == HostMode.Cli ? url : $"{DashboardUrls(config)};{url}";
        builder.WebHost.UseUrls(urls);
        builder.Services.AddSandbox(config);
        return new EnvironmentInfo(true, "Sandbox (simulated HiBob)", "Sandbox (simulated Port)");
    }

    /// <summary>Maps the emulated APIs on the sandbox's own loopback address only.</summary>
    public static void MapSandboxIfEnabled(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Configuration.GetValue<bool>("Sandbox:Enabled"))
        {
            return;
        }

        var host = new Uri(app.Configuration["Sandbox:ListenUrl"]!).Authority;
        app.MapGroup("").RequireHost(host).MapSandbox();
    }

    // UseUrls replaces what the host would have chosen, so carry over urls, or the HTTP_PORTS form containers use.
    private static string DashboardUrls(ConfigurationManager config)
    {
        if (!string.IsNullOrWhiteSpace(config["urls"]))
        {
            return config["urls"]!;
        }

        var ports = config["http_ports"];
        return string.IsNullOrWhiteSpace(ports)
            ? "http://localhost:5000"
            : string.Join(';', ports.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(p => $"http://+:{p.Trim()}"));
    }

    private static IEnumerable<string> MissingCredentials(ConfigurationManager config, string idKey, string secretKey)
    {
        var hasId = !string.IsNullOrWhiteSpace(config[idKey]);
        var hasSecret = !string.IsNullOrWhiteSpace(config[secretKey]);
        if (hasId && !hasSecret)
        {
            yield return $"{secretKey} is required when {idKey} is set.";
        }
        else if (!hasId && hasSecret)
        {
            yield return $"{idKey} is required when {secretKey} is set.";
        }
        else if (!hasId)
        {
            yield return $"{idKey} and {secretKey} are required to talk to the real service.";
        }
    }

    private static bool HasAny(ConfigurationManager config, params string[] keys) =>
        keys.Any(k => !string.IsNullOrWhiteSpace(config[k]));

    private static string HostOf(string? url, string fallback) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : fallback;

    // The port is released before Kestrel binds it; on a loopback address no one else races for it in practice.
    private static int ReserveLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
