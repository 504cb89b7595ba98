namespace HiBobAdmin.Infrastructure;

/// <summary>The result of a "Test connection": which call was made, what it answered, and what to fix.</summary>
public sealed record ConnectionCheck(bool Succeeded, string Call, string Message);
