using HiBobAdmin.Security.Webhooks;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>Webhook log lines: outcomes and run ids only, never bodies, signatures or secrets.</summary>
internal static partial class WebhookLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "{Source} webhook refused: {Check}")]
    public static partial void Refused(ILogger logger, string source, SignatureCheck check);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "{Source} webhook queued run {RunId}")]
    public static partial void Queued(ILogger logger, string source, Guid runId);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Information, Message = "{Source} webhook ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string source, string reason);
}
