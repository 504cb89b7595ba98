using HiBobAdmin.Audit;
using HiBobAdmin.Security.Webhooks;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>
/// <c>POST /webhooks/hibob</c>: HiBob webhooks v2. Answers Bob's ping; a verified employee created, updated,
/// joined, left, activated or inactivated event queues a single-user sync by employee id, one per burst. Every
/// delivery we take is answered 200: Bob counts any other status as a failure and retries
/// (https://apidocs.hibob.com/reference/webhook-events-v2).
/// </summary>
public static class HiBobWebhookEndpoint
{
    public const string Actor = "webhook:hibob";

    private const string Source = "HiBob";

    internal static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        HiBobSignatureVerifier verifier,
        HiBobEventCoalescer coalescer,
        SyncLauncher launcher,
        AuditLog audit,
        IOptionsMonitor<WebhookOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(HiBobWebhookEndpoint));
        var maxBytes = options.CurrentValue.MaxBodyBytes;
        var body = await WebhookBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return WebhookProblems.TooLarge(maxBytes);
        }

        string? signature = request.Headers[HiBobSignatureVerifier.SignatureHeader];
        var parsed = HiBobWebhookEvent.Parse(body);

        // Bob's test delivery on saving a webhook may come unsigned; answering it changes nothing (decision 0033).
        if (parsed is { IsPing: true } && string.IsNullOrEmpty(signature))
        {
            return Pong();
        }

        var check = verifier.Verify(signature, body);
        if (check == SignatureCheck.Replayed)
        {
            WebhookLog.Ignored(logger, Source, "repeated delivery");
            return TypedResults.Ok(new WebhookReceipt("duplicate", null, "This delivery was already received."));
        }

        if (check != SignatureCheck.Valid)
        {
            WebhookLog.Refused(logger, Source, check);
            return WebhookProblems.Refused(check, HiBobSignatureVerifier.SignatureHeader, "HiBob:WebhookSecret");
        }

        if (parsed is null)
        {
            verifier.Forget(signature!);
            return WebhookProblems.Malformed("The body is not a HiBob webhook v2 event.");
        }

        if (parsed.IsPing)
        {
            return Pong();
        }

        if (!parsed.NeedsSync)
        {
            WebhookLog.Ignored(logger, Source, parsed.Type ?? "no type");
            return TypedResults.Ok(new WebhookReceipt("ignored", null, $"'{parsed.Type}' does not start a sync."));
        }

        if (parsed.EmployeeId is not { } employeeId)
        {
            verifier.Forget(signature!);
            return WebhookProblems.Malformed("The event carries no data.employeeId.");
        }

        if (!coalescer.TryBegin(employeeId))
        {
            return TypedResults.Ok(new WebhookReceipt(
                "coalesced",
                null,
                "A sync of this employee was queued moments ago and covers this event."));
        }

        var handled = false;
        try
        {
            var launch = await launcher.StartSingleUserSyncAsync(employeeId, SyncTrigger.Webhook, Actor, cancellationToken);
            handled = true;
            return await WebhookAnswer.FromLaunchAsync(
                launch,
                StatusCodes.Status200OK,
                Actor,
                employeeId,
                audit,
                logger,
                Source,
                cancellationToken);
        }
        finally
        {
            if (!handled)
            {
                coalescer.Abandon(employeeId);
                verifier.Forget(signature!);
            }
        }
    }

    private static Ok<WebhookReceipt> Pong() => TypedResults.Ok(new WebhookReceipt("pong", null, "Ping received."));
}
