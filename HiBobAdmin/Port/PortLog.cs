using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Port;

/// <summary>
/// Source-generated log messages of the Port client. None of them carries a token, a secret or a payload.
/// </summary>
internal static partial class PortLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug,
        Message = "Fetched a Port access token valid for {ExpiresInSeconds} s")]
    public static partial void TokenFetched(ILogger logger, double expiresInSeconds);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information,
        Message = "Port rejected the access token for {Method} {Path}; fetching one new token and resending once")]
    public static partial void TokenRejected(ILogger logger, string method, string? path);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "Port call {Method} {Path} failed with {Outcome}; retry {Attempt} in {Delay}")]
    public static partial void Retrying(
        ILogger logger, string? method, string? path, string outcome, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning,
        Message = "Port call {Method} {Path} failed with {Outcome}; giving up: the next wait of {Delay} would exceed "
            + "the backoff budget ({Spent} spent)")]
    public static partial void RetryBudgetExhausted(
        ILogger logger, string? method, string? path, string outcome, TimeSpan delay, TimeSpan spent);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Debug,
        Message = "Port bulk upsert of {Count} {Blueprint} entities answered {StatusCode}")]
    public static partial void BulkAnswered(ILogger logger, string blueprint, int count, int statusCode);

    [LoggerMessage(EventId = 5106, Level = LogLevel.Warning,
        Message = "Port bulk upsert of {Count} {Blueprint} entities failed as a whole: {Message}")]
    public static partial void BulkFailed(ILogger logger, string blueprint, int count, string message);

    [LoggerMessage(EventId = 5107, Level = LogLevel.Information,
        Message = "Port found the bulk body of {Count} {Blueprint} entities too large (413); sending it in halves")]
    public static partial void BulkSplit(ILogger logger, string blueprint, int count);

    [LoggerMessage(EventId = 5108, Level = LogLevel.Debug,
        Message = "Port search of {Blueprint} returned {Count} entities (more pages: {HasNext})")]
    public static partial void SearchPage(ILogger logger, string blueprint, int count, bool hasNext);

    [LoggerMessage(EventId = 5109, Level = LogLevel.Information, Message = "Port data model: {Change}")]
    public static partial void DataModelChanged(ILogger logger, string change);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Port connection check failed: {Message}")]
    public static partial void ConnectionCheckFailed(ILogger logger, string message, Exception exception);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning,
        Message = "Port answered {StatusCode} with a body that is not a JSON object: {Snippet}")]
    public static partial void NonJsonBody(ILogger logger, int statusCode, string snippet);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Debug,
        Message = "Port answered 429 to {Method} {Path}: every Port request pauses for {Pause}")]
    public static partial void RateLimitPause(ILogger logger, string method, string? path, TimeSpan pause);
}
