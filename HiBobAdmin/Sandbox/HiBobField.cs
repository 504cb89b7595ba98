namespace HiBobAdmin.Sandbox;

/// <summary>Metadata of one HiBob employee field, as <c>GET /v1/company/people/fields</c> lists it.</summary>
internal sealed record HiBobField(string Id, string Name, string Type, string? ListName = null)
{
    public string CategoryId => Id[..Id.IndexOf('.', StringComparison.Ordinal)];

    /// <summary>Where the value sits in the nested form: root fields on top, the others in their category.</summary>
    public string JsonPath => CategoryId == "root" ? Id["root.".Length..] : Id;
}
