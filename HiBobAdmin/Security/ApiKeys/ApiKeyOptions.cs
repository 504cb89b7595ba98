namespace HiBobAdmin.Security.ApiKeys;

/// <summary>Configuration section <c>Api</c>: the keys allowed to call the REST API. No keys, no API access.</summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Api";

    public List<ApiKeyEntry> Keys { get; } = [];
}
