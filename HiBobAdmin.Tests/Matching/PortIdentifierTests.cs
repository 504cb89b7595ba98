using HiBobAdmin.Matching;

namespace HiBobAdmin.Tests.Matching;

public sealed class PortIdentifierTests
{
    [Theory]
    [InlineData("eli.ok@example.com")]
    [InlineData("zoë@example.com")] // B04: \p{L} admits accented letters
    [InlineData("qa+bob@example.com")]
    [InlineData("josé.müller@exämple.de")]
    [InlineData("a_b:c/d\\e=f-g.h@i")]
    [InlineData("...")]
    [InlineData("1234567890123456789")]
    public void IsValid_ReturnsTrue_WhenIdentifierFitsPortRule(string value)
    {
        var valid = PortIdentifier.IsValid(value);

        Assert.True(valid);
    }

    [Theory]
    [InlineData("o'neil@example.com")] // B04
    [InlineData("ann smith@example.com")]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("ann@example.com\n")]
    [InlineData("ann,bob@example.com")]
    [InlineData("ann@example.com ")]
    [InlineData("ann\u200b@example.com")]
    public void IsValid_ReturnsFalse_WhenIdentifierBreaksPortRule(string value)
    {
        var valid = PortIdentifier.IsValid(value);

        Assert.False(valid);
    }

    [Fact]
    public void IsValid_AcceptsExactlyMaxLength_WhenIdentifierIsLong()
    {
        var longest = new string('a', PortIdentifier.MaxLength);

        var atLimit = PortIdentifier.IsValid(longest);
        var overLimit = PortIdentifier.IsValid(longest + "a");

        Assert.True(atLimit);
        Assert.False(overLimit);
    }

    [Theory]
    [InlineData("o'neil@example.com", "contains an apostrophe (')")]
    [InlineData("ann smith@example.com", "contains a space")]
    [InlineData("ann!@example.com", "contains the character '!', which Port does not allow")]
    [InlineData("ann\u200b@example.com", "contains the character U+200B, which Port does not allow")]
    [InlineData("ann\U0001F600@example.com", "contains the character U+1F600 (\U0001F600), which Port does not allow")]
    [InlineData("..", "is only one or two dots")]
    [InlineData("", "is empty")]
    public void DescribeViolation_NamesTheProblem_WhenIdentifierIsInvalid(string value, string expected)
    {
        var violation = PortIdentifier.DescribeViolation(value);

        Assert.Equal(expected, violation);
    }

    [Fact]
    public void DescribeViolation_NamesTheLimit_WhenIdentifierIsTooLong()
    {
        var violation = PortIdentifier.DescribeViolation(new string('a', 1001));

        Assert.Equal("is longer than 1000 characters", violation);
    }

    [Fact]
    public void DescribeViolation_ReturnsNull_WhenIdentifierIsValid()
    {
        var violation = PortIdentifier.DescribeViolation("zoë@example.com");

        Assert.Null(violation);
    }
}
