using HiBobAdmin.Cli;
using HiBobAdmin.Security;

namespace HiBobAdmin.Tests.Cli;

public sealed class HashPasswordCommandTests
{
    [Fact]
    public async Task RunAsync_PrintsAHashThatVerifies_ForThePasswordOnStandardInput()
    {
        using var output = new StringWriter();

        var exit = await HashPasswordCommand.RunAsync(["hash-password"], new StringReader("a long enough secret\n"), output);

        var hash = output.ToString().Trim();
        Assert.Equal(0, exit);
        Assert.DoesNotContain("a long enough secret", hash, StringComparison.Ordinal);
        Assert.True(new PasswordHashing().Verify(hash, "a long enough secret"));
        Assert.False(new PasswordHashing().Verify(hash, "another secret!!"));
    }

    [Fact]
    public async Task RunAsync_RefusesAPasswordGivenAsAnArgument()
    {
        using var output = new StringWriter();

        var exit = await HashPasswordCommand.RunAsync(["hash-password", "a long enough secret"], new StringReader(""), output);

        Assert.Equal(1, exit);
        Assert.StartsWith("hash-password takes no arguments", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("a long enough secret", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "No password on standard input.")]
    [InlineData("short\n", "The password needs at least 12 characters besides spaces.")]
    [InlineData("              \n", "The password needs at least 12 characters besides spaces.")]
    [InlineData("a b c d e f g h i j k\n", "The password needs at least 12 characters besides spaces.")]
    public async Task RunAsync_Refuses_WhenThePasswordIsMissingOrShort(string input, string message)
    {
        using var output = new StringWriter();

        var exit = await HashPasswordCommand.RunAsync(["hash-password"], new StringReader(input), output);

        Assert.Equal(1, exit);
        Assert.Equal(message, output.ToString().Trim());
    }
}
