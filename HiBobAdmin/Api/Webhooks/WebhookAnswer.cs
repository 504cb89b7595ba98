using HiBobAdmin.Audit;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>Turns the launcher's answer into the webhook's: queued, or already covered by a queued run.</summary>
internal static class WebhookAnswer
{
    public static async Task<IResult> FromLaunchAsync(
        LaunchResult launch,
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
            return TypedResults.Accepted((string?)null, new WebhookReceipt("queued", runId, launch.Message));
        }

        if (launch.RunId is { } covering)
        {
            // A sync of this person is queued or running already; it reads the latest state.
            return TypedResults.Accepted((string?)null, new WebhookReceipt("coalesced", covering, launch.Message));
        }

        return WebhookProblems.Malformed(launch.Message);
    }
}
