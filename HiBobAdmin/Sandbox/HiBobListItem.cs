namespace HiBobAdmin.Sandbox;

/// <summary>One item of a HiBob named list: the machine id a list field holds, and its display name.</summary>
internal sealed record HiBobListItem(string Id, string Name);
