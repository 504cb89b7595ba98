using HiBobAdmin.Hosting;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.Hosting;

[Collection(WholeApp.Name)]
public sealed class StartupConfigurationTests
{
    private static Action<WebApplicationBuilder> With(Dictionary<string, string?> settings) => builder =>
    {
        settings["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "hibobadmin-startup-tests");
        settings["urls"] = "http://127.0.0.1:0";
        builder.Configuration.AddInMemoryCollection(settings);
    };

    [Fact]
    public void Build_NamesTheMissingKeys_WhenOneSideIsHalfConfiguredAndTheOtherAbsent()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => AppHost.Build(
            [], HostMode.Dashboard, With(new() { ["HiBob:ServiceUserId"] = "SERVICE-USER-123" })));

        Assert.Equal(
            "HiBob:ServiceUserToken is required when HiBob:ServiceUserId is set. "
            + "Port:ClientId and Port:ClientSecret are required to talk to the real service. "
            + "(Or set Sandbox:Enabled=true to use the simulated services.)",
            error.Message);
    }

    [Fact]
    public void Build_NamesTheClientId_WhenOnlyThePortSecretIsSet()
    {
        var error = Assert.Throws<StartupConfigurationException>(() => AppHost.Build(
            [],
            HostMode.Dashboard,
            With(new()
            {
                ["HiBob:ServiceUserId"] = "id",
                ["HiBob:ServiceUserToken"] = "token",
                ["Port:ClientSecret"] = "secret",
            })));

        Assert.StartsWith("Port:ClientId is required when Port:ClientSecret is set.", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_UsesTheRealServices_WhenBothSidesHaveCredentials()
    {
        await using var app = AppHost.Build(
            [],
            HostMode.Cli,
            With(new()
            {
                ["HiBob:ServiceUserId"] = "id",
                ["HiBob:ServiceUserToken"] = "token",
                ["Port:ClientId"] = "client",
                ["Port:ClientSecret"] = "secret",
                ["Port:BaseUrl"] = "https://api.us.port.io/v1",
            }));

        var environment = app.Services.GetRequiredService<EnvironmentInfo>();

        Assert.False(environment.IsSandbox);
        Assert.Equal("api.hibob.com", environment.HiBobHost);
        Assert.Equal("api.us.port.io", environment.PortHost);
    }

    [Fact]
    public async Task Start_StopsWithTheKeyName_WhenTheScheduleIsNotCron()
    {
        await using var app = AppHost.Build([], HostMode.Cli, With(new() { ["Sync:Schedule"] = "nonsense" }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.StartsWith("Sync:Schedule 'nonsense' is not a valid cron expression", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StopsWithTheKeyName_WhenAProtectedAccountIsNotAnEmail()
    {
        await using var app = AppHost.Build(
            [], HostMode.Cli, With(new() { ["Sync:ProtectedAccounts:0"] = "ceo@example.com", ["Sync:ProtectedAccounts:1"] = "ceo" }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Equal("Sync:ProtectedAccounts:1 'ceo' is not an email address; list the Port users' emails.", error.Message);
    }

    [Fact]
    public async Task Start_StopsWithTheKeyName_WhenAGuardShareIsOutOfRange()
    {
        await using var app = AppHost.Build([], HostMode.Cli, With(new() { ["Sync:MaxChangePercent"] = "120" }));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => app.StartAsync());

        Assert.Contains("MaxChangePercent", error.Message, StringComparison.Ordinal);
    }
}
