using System.Security.Claims;
using HiBobAdmin.Audit;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Api;

/// <summary><c>POST /api/sync</c> and <c>POST /api/sync/users/{email}</c>: queue a sync, answer 202 or 409.</summary>
public static class SyncEndpoints
{
    internal static async Task<IResult> StartFullAsync(
        ClaimsPrincipal user,
        SyncLauncher launcher,
        AuditLog audit,
        LinkGenerator links,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(user);
        var launch = await launcher.StartFullSyncAsync(SyncTrigger.Api, actor, dryRun: false, cancellationToken);
        return await AnswerAsync(launch, actor, subject: null, audit, links, http, cancellationToken);
    }

    internal static async Task<IResult> StartSingleUserAsync(
        string email,
        ClaimsPrincipal user,
        SyncLauncher launcher,
        AuditLog audit,
        LinkGenerator links,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return ApiProblems.Invalid("email", "Give the email or HiBob id of the person to sync.");
        }

        var actor = ApiActor.Of(user);
        var launch = await launcher.StartSingleUserSyncAsync(email, SyncTrigger.Api, actor, cancellationToken);
        return await AnswerAsync(launch, actor, email.Trim(), audit, links, http, cancellationToken);
    }

    private static async Task<IResult> AnswerAsync(
        LaunchResult launch,
        string actor,
        string? subject,
        AuditLog audit,
        LinkGenerator links,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        if (!launch.Accepted)
        {
            return launch.RunId is null
                ? ApiProblems.Invalid(subject is null ? "sync" : "email", launch.Message)
                : ApiProblems.SyncAlreadyRunning(launch.RunId, launch.Message);
        }

        var runId = launch.RunId!.Value;
        await audit.RecordAsync(actor, AuditAction.SyncStarted, subject, $"{launch.Message} Run {runId}.", cancellationToken);
        var location = links.GetPathByName(http, RunEndpoint.RouteName, new { id = runId });
        return TypedResults.Accepted(location, new SyncAccepted(runId, SyncRunStatus.Queued.ToString(), launch.Message));
    }
}
