using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Api;

/// <summary><c>GET /api/status</c>: people per link status from the current snapshot, and the last run.</summary>
public static class StatusEndpoint
{
    internal static async Task<IResult> GetAsync(
        PeopleSnapshotStore snapshots,
        RunStore runs,
        CancellationToken cancellationToken)
    {
        PeopleSnapshot snapshot;
        try
        {
            snapshot = await snapshots.GetOrLoadAsync(cancellationToken);
        }
        catch (VendorApiException ex)
        {
            return ApiProblems.BothSidesUnreadable(ex.Message);
        }

        var counts = Enum.GetValues<LinkStatus>().ToDictionary(s => s.ToString(), snapshot.Count);
        var recent = await runs.RecentAsync(1, cancellationToken);
        var last = recent.Count > 0 ? recent[0] : null;
        return TypedResults.Ok(new ApiStatus(
            snapshot.ReadAt,
            counts,
            snapshot.ServiceAccounts,
            last is null ? null : ApiRun.From(last)));
    }
}
