namespace HiBobAdmin.Storage;

/// <summary>Where the app keeps its own data (section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>Folder for the database and the sandbox state; a Docker volume in containers.</summary>
    public string DataDirectory { get; set; } = "data";

    /// <summary>EF Core SQLite connection string; default a file in <see cref="DataDirectory"/>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// How often a process records that its active runs are alive; another machine's run with no sign for four
    /// times this long counts as interrupted (a process on this machine is checked directly).
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(1, 3600)]
    public int RunHeartbeatSeconds { get; set; } = 15;

    public string ResolveConnectionString(string contentRoot)
    {
        if (!string.IsNullOrWhiteSpace(ConnectionString))
        {
            return ConnectionString;
        }

        return $"Data Source={Path.Combine(ResolveDataDirectory(contentRoot), "hibobadmin.db")}";
    }

    public string ResolveDataDirectory(string contentRoot) =>
        Path.IsPathRooted(DataDirectory) ? DataDirectory : Path.Combine(contentRoot, DataDirectory);
}
