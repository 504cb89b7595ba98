using HiBobAdmin.HiBob;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Tests.HiBob;

public sealed class HiBobOptionsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://api.hibob.com")]
    [InlineData("https://api.hibob.com/")]
    [InlineData("https://api.hibob.com/v1")]
    [InlineData(" https://api.hibob.com/V1/ ")]
    public void NormaliseBaseUrl_ReturnsHostRoot_WhenSlashOrV1Trails(string? configured)
    {
        var normalised = HiBobOptions.NormaliseBaseUrl(configured);

        Assert.Equal("https://api.hibob.com/", normalised.AbsoluteUri);
    }

    [Fact]
    public void NormaliseBaseUrl_KeepsAPathPrefix_WhenBaseUrlPointsBelowTheHost()
    {
        var normalised = HiBobOptions.NormaliseBaseUrl("http://localhost:5080/sandbox/hibob/v1/");

        Assert.Equal("http://localhost:5080/sandbox/hibob", normalised.AbsoluteUri);
    }

    [Theory]
    [InlineData("abc", null, "HiBob:ServiceUserToken is required when HiBob:ServiceUserId is set")]
    [InlineData(null, "t0k3n", "HiBob:ServiceUserId is required when HiBob:ServiceUserToken is set")]
    [InlineData("abc", "   ", "HiBob:ServiceUserToken is required when HiBob:ServiceUserId is set")]
    public void Startup_FailsNamingTheMissingKey_WhenServiceUserIsHalfConfigured(
        string? id,
        string? token,
        string expected)
    {
        using var provider = Build(new() { ["HiBob:ServiceUserId"] = id, ["HiBob:ServiceUserToken"] = token });

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal(expected, Assert.Single(error.Failures));
    }

    [Fact]
    public void Startup_FailsNamingTheKey_WhenBaseUrlIsNotAnAbsoluteUrl()
    {
        using var provider = Build(new() { ["HiBob:BaseUrl"] = "api.hibob.com" });

        var error = Assert.Throws<OptionsValidationException>(
            () => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Equal("HiBob:BaseUrl must be an absolute http or https URL", Assert.Single(error.Failures));
    }

    [Fact]
    public void Startup_Succeeds_WhenNothingOrEverythingIsConfigured()
    {
        using var empty = Build([]);
        using var complete = Build(new()
        {
            ["HiBob:ServiceUserId"] = "SERVICE-USER-123",
            ["HiBob:ServiceUserToken"] = "x",
        });

        empty.GetRequiredService<IStartupValidator>().Validate();
        complete.GetRequiredService<IStartupValidator>().Validate();

        Assert.False(empty.GetRequiredService<IOptions<HiBobOptions>>().Value.IsConfigured);
        Assert.True(complete.GetRequiredService<IOptions<HiBobOptions>>().Value.IsConfigured);
    }

    [Theory]
    [InlineData("qa+bob@example.com", "No HiBob employee with email qa+bob@example.com")]
    [InlineData("3000000000000000001", "No HiBob employee with id 3000000000000000001")]
    public void NoEmployee_RepeatsTheExactInput_WithItsKind(string identifier, string expected)
    {
        var message = HiBobMessages.NoEmployee(identifier);

        Assert.Equal(expected, message);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddHiBob();
        return services.BuildServiceProvider();
    }
}
