using HiBobAdmin.Audit;
using HiBobAdmin.Security.Webhooks;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>
/// <c>POST /webhooks/port</c>: a Port automation on <c>_user</c> ENTITY_CREATED. A verified delivery queues a
/// single-user sync for the new user's email and is answered 202 at once; the sync runs in the background.
/// </summary>
public static class PortWebhookEndpoint
{
    public const string Actor = "webhook:port";

    private const string Source = "Port";

    internal static async Task<IResult> ReceiveAsync(
        HttpRequest request,
        PortSignatureVerifier verifier,
        SyncLauncher launcher,
        AuditLog audit,
        IOptionsMonitor<WebhookOptions> options,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(PortWebhookEndpoint));
        var maxBytes = options.CurrentValue.MaxBodyBytes;
        var body = await WebhookBody.ReadAsync(request, maxBytes, cancellationToken);
        if (body is null)
        {
            return WebhookProblems.TooLarge(maxBytes);
        }

        string? signature = request.Headers[PortSignatureVerifier.SignatureHeader];
        var check = verifier.Verify(request.Headers[PortSignatureVerifier.TimestampHeader], signature, body);
        if (check != SignatureCheck.Valid)
        {
            WebhookLog.Refused(logger, Source, check);
            return WebhookProblems.Refused(check, PortSignatureVerifier.SignatureHeader, "Port:ClientSecret");
        }

        var created = PortUserCreated.Parse(body);
        if (created is null)
        {
            return WebhookProblems.Malformed("The body is not the JSON object of a Port automation event.");
        }

        if (!created.IsUserCreation)
        {
            WebhookLog.Ignored(logger, Source, "not a _user creation");
            return TypedResults.Ok(new WebhookReceipt("ignored", null, "Only new _user entities start a sync."));
        }

        if (created.Identifier is null)
        {
            return WebhookProblems.Malformed("The event names no entity identifier (event.diff.after.identifier).");
        }

        var handled = false;
        try
        {
            var launch = await launcher.StartSingleUserSyncAsync(created.Identifier, SyncTrigger.Webhook, Actor, cancellationToken);
            handled = true;
            return await WebhookAnswer.FromLaunchAsync(
                launch,
                StatusCodes.Status202Accepted,
                Actor,
                created.Identifier,
                audit,
                logger,
                Source,
                cancellationToken);
        }
        finally
        {
            if (!handled)
            {
                verifier.Forget(signature!);
            }
        }
    }
}
