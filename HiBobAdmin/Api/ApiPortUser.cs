namespace HiBobAdmin.Api;

/// <summary>The Port side of a people row.</summary>
public sealed record ApiPortUser(string Identifier, string? Title, string? Status, string? LinkedEmployeeId);
