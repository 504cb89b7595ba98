using HiBobAdmin.Sync;

namespace HiBobAdmin.Api;

/// <summary><c>GET /api/runs/{id}</c>: one run's status, counts, message and timestamps.</summary>
public static class RunEndpoint
{
    public const string RouteName = "ApiRun";

    internal static async Task<IResult> GetAsync(string id, RunStore runs, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var runId))
        {
            return ApiProblems.Invalid("id", "A run id is a GUID, e.g. 3f2504e0-4f89-11d3-9a0c-0305e82c3301.");
        }

        var run = await runs.FindAsync(runId, cancellationToken);
        return run is null ? ApiProblems.RunNotFound(id) : TypedResults.Ok(ApiRun.From(run));
    }
}
