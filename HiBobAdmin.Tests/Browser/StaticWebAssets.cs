using HiBobAdmin.Tests.TestSupport;

namespace HiBobAdmin.Tests.Browser;

/// <summary>Starts the sandbox app so that a browser gets its scripts and styles.</summary>
internal static class StaticWebAssets
{
    private const string EnvironmentVariable = "ASPNETCORE_ENVIRONMENT";

    /// <summary>
    /// The test host runs from the test project's bin folder, which has no wwwroot: outside Development,
    /// MapStaticAssets answers _framework/blazor.web.js and MudBlazor's files with an empty 200, so pages render
    /// but never become interactive. Development makes the host map those paths through the build's
    /// static web assets manifest, as `dotnet run` does. The variable is read once, when the host is built.
    /// </summary>
    public static async Task<SandboxApp> StartSandboxAppAsync()
    {
        var previous = Environment.GetEnvironmentVariable(EnvironmentVariable);
        Environment.SetEnvironmentVariable(EnvironmentVariable, "Development");
        try
        {
            return await SandboxApp.StartAsync();
        }
        finally
        {
            Environment.SetEnvironmentVariable(EnvironmentVariable, previous);
        }
    }
}
