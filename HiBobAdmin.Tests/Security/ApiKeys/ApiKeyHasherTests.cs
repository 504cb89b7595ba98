using HiBobAdmin.Security.ApiKeys;

namespace HiBobAdmin.Tests.Security.ApiKeys;

public sealed class ApiKeyHasherTests
{
    [Fact]
    public void Hash_IsTheSha256HexOfTheKey()
    {
        var hash = ApiKeyHasher.Hash("abc");

        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }

    [Fact]
    public void Matches_AcceptsTheKey_WhenHashIsWrittenInUpperCase()
    {
        var matches = ApiKeyHasher.Matches("abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");

        Assert.True(matches);
    }

    [Theory]
    [InlineData("abd")]
    [InlineData("")]
    [InlineData("ABC")]
    public void Matches_RefusesAnyOtherKey(string presented)
    {
        var matches = ApiKeyHasher.Matches(presented, ApiKeyHasher.Hash("abc"));

        Assert.False(matches);
    }

    [Fact]
    public void NewKey_IsPrefixedUrlSafeAndDifferentEachTime()
    {
        var first = ApiKeyHasher.NewKey();
        var second = ApiKeyHasher.NewKey();

        Assert.StartsWith(ApiKeyHasher.KeyPrefix, first, StringComparison.Ordinal);
        Assert.Equal(47, first.Length);
        Assert.Matches("^hba_[A-Za-z0-9_-]{43}$", first);
        Assert.NotEqual(first, second);
    }
}
