using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;

namespace HiBobAdmin.Tests.Security.ApiKeys;

public sealed class ApiKeyOptionsValidatorTests
{
    [Fact]
    public void Validate_Succeeds_WhenEveryKeyHasNameHashAndRole()
    {
        var options = new ApiKeyOptions();
        options.Keys.Add(new ApiKeyEntry { Name = "ci", Hash = ApiKeyHasher.Hash("k"), Role = Roles.HrAdmin });

        var result = new ApiKeyOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void Validate_NamesEachBadKey()
    {
        var options = new ApiKeyOptions();
        options.Keys.Add(new ApiKeyEntry { Name = "ci", Hash = "hba_the-key-itself", Role = "Admin" });
        options.Keys.Add(new ApiKeyEntry { Name = "", Hash = ApiKeyHasher.Hash("k"), Role = Roles.Viewer });
        options.Keys.Add(new ApiKeyEntry { Name = "CI", Hash = ApiKeyHasher.Hash("j"), Role = Roles.Viewer });

        var result = new ApiKeyOptionsValidator().Validate(null, options);

        Assert.Equal(
            [
                "Api:Keys:0:Hash must be the SHA-256 of the key as 64 hex digits (see 'HiBobAdmin new-api-key').",
                "Api:Keys:0:Role must be one of Viewer, HrAdmin, PlatformAdmin.",
                "Api:Keys:1:Name is required.",
                "Api:Keys has the name 'ci' more than once.",
            ],
            result.Failures);
    }
}
