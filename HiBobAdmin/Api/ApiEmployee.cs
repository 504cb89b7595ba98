namespace HiBobAdmin.Api;

/// <summary>The HiBob side of a people row.</summary>
public sealed record ApiEmployee(string Id, string Name, string? Email, string HiBobStatus);
