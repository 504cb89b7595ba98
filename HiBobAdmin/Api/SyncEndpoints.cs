using System.Security.Claims;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Api;

/// <summary><c>POST /api/sync</c> and <c>POST /api/sync/users/{email}</c>: queue a sync, answer 202 or 409.</summary>
public static class SyncEndpoints
{
    internal static async Task<IResult> StartFullAsync(
        ClaimsPrincipal user,
        SyncLauncher launcher,
        LinkGenerator links,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var actor = ApiActor.Of(user);
        var launch = await launcher.StartFullSyncAsync(SyncTrigger.Api, actor, dryRun: false, cancellationToken);
        return Answer(launch, subject: null, links, http);
    }

    internal static async Task<IResult> StartSingleUserAsync(
        string email,
        ClaimsPrincipal user,
        SyncLauncher launcher,
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
        return Answer(launch, email.Trim(), links, http);
    }

    // The launcher has audited the start already (subject: the run id), as for the dashboard and the CLI.
    private static IResult Answer(LaunchResult launch, string? subject, LinkGenerator links, HttpContext http)
    {
        if (!launch.Accepted)
        {
            return launch.RunId is null
                ? ApiProblems.Invalid(subject is null ? "sync" : "email", launch.Message)
                : ApiProblems.SyncAlreadyRunning(launch.RunId, launch.Message);
        }

        var runId = launch.RunId!.Value;
        var location = links.GetPathByName(http, RunEndpoint.RouteName, new { id = runId });
        return TypedResults.Accepted(location, new SyncAccepted(runId, SyncRunStatus.Queued.ToString(), launch.Message));
    }
}
