namespace HiBobAdmin.Security.ApiKeys;

/// <summary>One configured API key (<c>Api:Keys:N</c>): who it is, the SHA-256 of the key, and its role.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>Shown as "who" on runs and audit entries (<c>api:&lt;Name&gt;</c>).</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the key as 64 hex digits; the key itself is never configured.</summary>
    public string Hash { get; set; } = "";

    /// <summary>One of <see cref="Roles"/>.</summary>
    public string Role { get; set; } = "";
}
