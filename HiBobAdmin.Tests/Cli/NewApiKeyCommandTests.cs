using System.Text.RegularExpressions;
using HiBobAdmin.Cli;
using HiBobAdmin.Security.ApiKeys;

namespace HiBobAdmin.Tests.Cli;

public sealed partial class NewApiKeyCommandTests
{
    [Fact]
    public async Task RunAsync_PrintsAKeyAndTheConfigurationHoldingItsHash()
    {
        using var output = new StringWriter();

        var exitCode = await NewApiKeyCommand.RunAsync(["new-api-key", "deploy-bot", "HrAdmin"], output);

        Assert.Equal(0, exitCode);
        var text = output.ToString();
        var key = KeyLine().Match(text).Groups[1].Value;
        Assert.StartsWith(ApiKeyHasher.KeyPrefix, key, StringComparison.Ordinal);
        Assert.Contains("Api__Keys__N__Name=deploy-bot", text, StringComparison.Ordinal);
        Assert.Contains($"Api__Keys__N__Hash={ApiKeyHasher.Hash(key)}", text, StringComparison.Ordinal);
        Assert.Contains("Api__Keys__N__Role=HrAdmin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_RefusesAnUnknownRole_AndPrintsNoKey()
    {
        using var output = new StringWriter();

        var exitCode = await NewApiKeyCommand.RunAsync(["new-api-key", "bot", "Root"], output);

        Assert.Equal(1, exitCode);
        Assert.Equal(
            "Usage: HiBobAdmin new-api-key [NAME] [ROLE]   (ROLE: Viewer, HrAdmin, PlatformAdmin)",
            output.ToString().Trim());
    }

    [GeneratedRegex(@"API key \(shown once; give it to the caller, it is not stored\): (\S+)")]
    private static partial Regex KeyLine();
}
