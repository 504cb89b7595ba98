namespace HiBobAdmin.Sandbox;

/// <summary>One Port entity a bulk write touched: its blueprint and identifier.</summary>
public readonly record struct SandboxWriteKey(string Blueprint, string Identifier);
