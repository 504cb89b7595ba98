namespace HiBobAdmin.Sandbox;

/// <summary>Source-generated log messages of the sandbox.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Information,
        Message = "Sandbox seeded {EmployeeRecords} HiBob records and {PortUsers} Port users from seed {Seed}")]
    public static partial void Seeded(ILogger logger, int employeeRecords, int portUsers, int seed);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information,
        Message = "Sandbox state with {EmployeeRecords} HiBob records loaded from {StatePath}")]
    public static partial void StateLoaded(ILogger logger, int employeeRecords, string statePath);

    [LoggerMessage(EventId = 9110, Level = LogLevel.Debug,
        Message = "Sandbox took over the state another process wrote to {StatePath} ({EmployeeRecords} HiBob records)")]
    public static partial void StateFollowed(ILogger logger, string statePath, int employeeRecords);

    [LoggerMessage(EventId = 9111, Level = LogLevel.Warning,
        Message = "Sandbox could not read {StatePath}, which another process changed; it keeps its own state")]
    public static partial void StateUnreadable(ILogger logger, Exception exception, string statePath);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Debug,
        Message = "Sandbox injected a {StatusCode} fault into {Method} {Path}")]
    public static partial void FaultInjected(ILogger logger, int statusCode, string method, string path);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Debug,
        Message = "Sandbox refused {Method} {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string method, string path, string reason);
}
