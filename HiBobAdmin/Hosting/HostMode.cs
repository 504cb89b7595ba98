namespace HiBobAdmin.Hosting;

/// <summary>How the process runs: the dashboard with its job server, or one CLI sync that exits.</summary>
public enum HostMode
{
    Dashboard,
    Cli,
}
