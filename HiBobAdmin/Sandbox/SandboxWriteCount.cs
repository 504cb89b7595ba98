namespace HiBobAdmin.Sandbox;

/// <summary>
/// How often bulk writes touched one entity: applied and answered, applied with the answer lost (a 502 the sandbox
/// sent instead), and how many of those writes created it. Lets a test tell a duplicate write from a retried one.
/// </summary>
public readonly record struct SandboxWriteCount(int Answered, int Lost, int Created);
