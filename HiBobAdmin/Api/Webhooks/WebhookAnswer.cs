using HiBobAdmin.Audit;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>Turns the launcher's answer into the webhook's: queued, or already covered by a queued run.</summary>
internal static class WebhookAnswer
{
    /// <param name="launch">The launcher's answer.</param>
    /// <param name="successStatus">202 for Port; 200 for HiBob, which treats anything else as a failed delivery.</param>
    /// <param name="actor">"Who" for the audit entry.</param>
    /// <param name="subject">The email or employee id the sync is for.</param>
    /// <param name="audit">Where a queued sync is recorded.</param>
    /// <param name="logger">The endpoint's logger.</param>
    /// <param name="source">"Port" or "HiBob", for the log.</param>
    /// <param name="cancellationToken">The request's token.</param>
    public static async Task<IResult> FromLaunchAsync(
        LaunchResult launch,
        int successStatus,
        string actor,
        string subject,
        AuditLog audit,
        ILogger logger,
        string source,
        CancellationToken cancellationToken)
    {
        if (launch.Accepted)
        {
            var runId = launch.RunId!.Value;
            await audit.RecordAsync(actor, AuditAction.SyncStarted, subject, $"{launch.Message} Run {runId}.", cancellationToken);
            WebhookLog.Queued(logger, source, runId);
            return TypedResults.Json(new WebhookReceipt("queued", runId, launch.Message), statusCode: successStatus);
        }

        if (launch.RunId is { } covering)
        {
            // A sync of this person is queued or running already; it reads the latest state.
            return TypedResults.Json(new WebhookReceipt("coalesced", covering, launch.Message), statusCode: successStatus);
        }

        return WebhookProblems.Malformed(launch.Message);
    }
}
