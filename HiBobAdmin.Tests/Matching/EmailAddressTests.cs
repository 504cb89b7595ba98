using System.Globalization;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Tests.Matching;

public sealed class EmailAddressTests
{
    [Theory]
    [InlineData("  Ana.Test@Example.COM ", "ana.test@example.com")] // B09
    [InlineData("eli.ok@example.com", "eli.ok@example.com")]
    [InlineData("\tZoË@Example.com\n", "zoë@example.com")]
    [InlineData("QA+Bob@Example.com", "qa+bob@example.com")]
    [InlineData("\u00a0ian@example.com\u00a0", "ian@example.com")]
    public void Normalise_TrimsAndLowerCases_WhenEmailHasText(string email, string expected)
    {
        var normalised = EmailAddress.Normalise(email);

        Assert.Equal(expected, normalised);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    public void Normalise_ReturnsNull_WhenEmailIsBlank(string? email)
    {
        var normalised = EmailAddress.Normalise(email);

        Assert.Null(normalised);
    }

    [Fact]
    public void Normalise_UsesInvariantCulture_WhenCurrentCultureIsTurkish()
    {
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        string? normalised;
        try
        {
            normalised = EmailAddress.Normalise("IAN@EXAMPLE.COM");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        Assert.Equal("ian@example.com", normalised);
    }

    [Theory]
    [InlineData("  Ana.Test@Example.COM ", "Ana.Test@Example.COM")]
    [InlineData("eli.ok@example.com", "eli.ok@example.com")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Clean_TrimsAndKeepsSpelling_WhenEmailIsGiven(string? email, string? expected)
    {
        var clean = EmailAddress.Clean(email);

        Assert.Equal(expected, clean);
    }
}
