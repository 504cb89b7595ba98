namespace HiBobAdmin.Hosting;

/// <summary>What the app talks to, for the app bar and the logs; holds hosts only, never credentials.</summary>
public sealed record EnvironmentInfo(bool IsSandbox, string HiBobHost, string PortHost);
