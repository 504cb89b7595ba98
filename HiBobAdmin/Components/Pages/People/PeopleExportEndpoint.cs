using System.Globalization;
using HiBobAdmin.Components.Common;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Security;
using HiBobAdmin.Sync;
using Microsoft.AspNetCore.Mvc;

namespace HiBobAdmin.Components.Pages.People;

/// <summary><c>GET /people/export.csv?status=..&amp;q=..</c>: every row the people view's filters select.</summary>
public static class PeopleExportEndpoint
{
    public const string Route = "/people/export.csv";

    public static IEndpointRouteBuilder MapPeopleExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ExportAsync).WithName("PeopleExport").RequireAuthorization(Policies.View).ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<IResult> ExportAsync(
        [FromQuery(Name = PeopleUrl.StatusKey)] string? status,
        [FromQuery(Name = PeopleUrl.SearchKey)] string? search,
        [FromQuery(Name = PeopleUrl.HiBobKey)] string? hibob,
        [FromQuery(Name = PeopleUrl.AccountKey)] string? account,
        PeopleSnapshotStore snapshots,
        CancellationToken cancellationToken)
    {
        PeopleSnapshot snapshot;
        try
        {
            snapshot = await snapshots.GetOrLoadAsync(cancellationToken);
        }
        catch (VendorApiException ex)
        {
            return Results.Problem(
                detail: $"Could not read both sides: {ex.Message}",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        var criteria = PeopleCriteria.FromQuery(status, search, hibob, account);
        var csv = PeopleCsv.Build(PeopleQuery.Filter(snapshot.People, criteria), snapshot.ReadAt);

        var bytes = Csv.Utf8WithBom(csv);
        var name = $"people-{snapshot.ReadAt.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.csv";
        return Results.File(bytes, "text/csv; charset=utf-8", name);
    }
}
