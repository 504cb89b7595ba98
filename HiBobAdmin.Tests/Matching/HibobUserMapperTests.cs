using HiBobAdmin.Matching;

namespace HiBobAdmin.Tests.Matching;

public sealed class HibobUserMapperTests
{
    private static readonly Employee Ada = new()
    {
        Id = "3332883884017713238",
        Email = "Ada.Active@Example.com",
        IsActive = true,
        DisplayName = "Ada Active",
        FirstName = "Ada",
        Surname = "Active",
        FullName = "Ada M. Active",
        CompanyId = "639822",
        AvatarUrl = "https://images.example.com/ada.png",
        CoverImageUrl = "https://images.example.com/ada-cover.png",
        CreationDateTime = "2024-03-27T09:12:21.680867",
        IsManager = true,
        DurationOfEmployment = "2 years, 1 month and 3 days",
        Department = "209192163",
        WorkTitle = "209192170",
    };

    [Fact]
    public void FromEmployee_MapsEveryField_WhenEmployeeIsActive()
    {
        var entity = HibobUserMapper.FromEmployee(Ada);

        Assert.Equal("3332883884017713238", entity.Identifier);
        Assert.Equal("Ada Active", entity.Title);
        var expected = new HibobUserProperties
        {
            Id = "3332883884017713238",
            DisplayName = "Ada Active",
            FirstName = "Ada",
            Surname = "Active",
            FullName = "Ada M. Active",
            Email = "Ada.Active@Example.com",
            CompanyId = "639822",
            State = "Active",
            AvatarUrl = "https://images.example.com/ada.png",
            CoverImageUrl = "https://images.example.com/ada-cover.png",
            CreationDatetime = "2024-03-27T09:12:21.680867",
            CreationDate = "2024-03-27",
            IsManager = true,
            DurationOfEmployment = "2 years, 1 month and 3 days",
            Department = "209192163",
            WorkTitle = "209192170",
        };
        Assert.Equal(expected, entity.Properties);
    }

    [Fact]
    public void FromEmployee_SetsStateInactive_WhenEmployeeIsInactive()
    {
        var entity = HibobUserMapper.FromEmployee(Ada with { IsActive = false });

        Assert.Equal("Inactive", entity.Properties.State);
    }

    [Theory]
    [InlineData("  Ana.Test@Example.COM ", "Ana.Test@Example.COM")] // B09: trimmed, spelling kept
    [InlineData("   ", null)] // B04: no "" or "null" text
    [InlineData(null, null)]
    public void FromEmployee_TrimsEmail_WhenEmailHasSpaces(string? email, string? expected)
    {
        var entity = HibobUserMapper.FromEmployee(Ada with { Email = email });

        Assert.Equal(expected, entity.Properties.Email);
    }

    [Fact]
    public void FromEmployee_UsesNameFallbackForTitle_WhenDisplayNameIsMissing()
    {
        var entity = HibobUserMapper.FromEmployee(Ada with { DisplayName = null, FullName = null });

        Assert.Equal("Ada Active", entity.Title);
        Assert.Null(entity.Properties.DisplayName);
    }

    [Theory]
    [InlineData("2024-03-27T09:12:21.680867", "2024-03-27")]
    [InlineData("2024-03-27T23:59:59+05:00", "2024-03-27")]
    [InlineData("2024-03-27", "2024-03-27")]
    [InlineData("2024-03-27 08:00:00", "2024-03-27")]
    [InlineData("2024-13-27T09:12:21", null)]
    [InlineData("27/03/2024", null)]
    [InlineData("2024-03-27X", null)]
    [InlineData("2024", null)]
    [InlineData(null, null)]
    public void FromEmployee_TakesDatePart_WhenCreationTimeParses(string? creationDateTime, string? expected)
    {
        var entity = HibobUserMapper.FromEmployee(Ada with { CreationDateTime = creationDateTime });

        Assert.Equal(expected, entity.Properties.CreationDate);
        Assert.Equal(creationDateTime, entity.Properties.CreationDatetime);
    }

    [Theory]
    [InlineData(true, "Active")]
    [InlineData(false, "Inactive")]
    public void StateOnly_CarriesOnlyState_WhenBuilt(bool active, string expectedState)
    {
        var entity = HibobUserMapper.StateOnly("1002", active);

        Assert.Equal(new HibobUserEntity("1002", null, new HibobUserProperties { State = expectedState }), entity);
    }
}
