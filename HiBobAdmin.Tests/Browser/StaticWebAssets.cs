using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Browser;

/// <summary>Starts the sandbox app so that a browser gets its scripts and styles.</summary>
internal static class StaticWebAssets
{
    /// <summary>
    /// The test host runs from the test project's bin folder, which has no wwwroot: outside Development,
    /// MapStaticAssets answers _framework/blazor.web.js and MudBlazor's files with an empty 200, so pages render
    /// but never become interactive. Development makes the host map those paths through the build's
    /// static web assets manifest, as `dotnet run` does. Only this host is told so, through its arguments.
    /// </summary>
    public static Task<SandboxApp> StartSandboxAppAsync() => SandboxApp.StartAsync(environment: "Development");
}
