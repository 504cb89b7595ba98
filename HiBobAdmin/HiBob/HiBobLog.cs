using Microsoft.Extensions.Logging;

namespace HiBobAdmin.HiBob;

/// <summary>Source-generated logs of the HiBob client. None of them carries a header, a token or a payload.</summary>
internal static partial class HiBobLog
{
    [LoggerMessage(EventId = 1100, Level = LogLevel.Debug,
        Message = "HiBob call failed with {Outcome}; retry {Attempt} of {MaxRetries} in {Delay}")]
    public static partial void RetryScheduled(
        ILogger logger,
        string outcome,
        int attempt,
        int maxRetries,
        TimeSpan delay);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Warning,
        Message = "HiBob rate limit reached; retry {Attempt} of {MaxRetries} in {Delay}")]
    public static partial void RateLimited(ILogger logger, int attempt, int maxRetries, TimeSpan delay);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Warning,
        Message = "HiBob {Operation} answered {StatusCode}")]
    public static partial void RequestFailed(ILogger logger, string operation, int statusCode);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Warning,
        Message = "HiBob {Operation} could not be completed: {Reason}")]
    public static partial void TransportFailed(ILogger logger, string operation, string reason, Exception exception);

    [LoggerMessage(EventId = 1104, Level = LogLevel.Warning,
        Message = "HiBob {Operation} answered {StatusCode} with a body that is not JSON: {Snippet}")]
    public static partial void NonJsonBody(ILogger logger, string operation, int statusCode, string snippet);

    [LoggerMessage(EventId = 1105, Level = LogLevel.Warning,
        Message = "HiBob withheld {Fields} from all {EmployeeCount} employees")]
    public static partial void FieldsWithheld(ILogger logger, string fields, int employeeCount);

    [LoggerMessage(EventId = 1106, Level = LogLevel.Debug,
        Message = "HiBob {Operation} returned {EmployeeCount} employees; {SkippedCount} records skipped")]
    public static partial void EmployeesRead(ILogger logger, string operation, int employeeCount, int skippedCount);
}
