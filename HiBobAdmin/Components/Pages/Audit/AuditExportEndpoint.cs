using System.Globalization;
using HiBobAdmin.Audit;
using HiBobAdmin.Components.Common;
using HiBobAdmin.Security;
using Microsoft.AspNetCore.Mvc;

namespace HiBobAdmin.Components.Pages.Audit;

/// <summary><c>GET /audit/export.csv?action=..&amp;actor=..&amp;q=..&amp;from=..&amp;to=..</c>: every entry the filters select.</summary>
public static class AuditExportEndpoint
{
    public const string Route = "/audit/export.csv";

    public static IEndpointRouteBuilder MapAuditExport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Route, ExportAsync).WithName("AuditExport").RequireAuthorization(Policies.View).ExcludeFromDescription();
        return endpoints;
    }

    internal static async Task<IResult> ExportAsync(
        [FromQuery(Name = AuditQuery.ActionKey)] string? action,
        [FromQuery(Name = AuditQuery.ActorKey)] string? actor,
        [FromQuery(Name = AuditQuery.SearchKey)] string? search,
        [FromQuery(Name = AuditQuery.FromKey)] string? from,
        [FromQuery(Name = AuditQuery.ToKey)] string? to,
        AuditLog audit,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var criteria = AuditQuery.Parse(action, actor, search, from, to);
        var csv = await AuditCsv.BuildAsync(audit.StreamAsync(criteria, cancellationToken), cancellationToken);
        var name = $"audit-{time.GetUtcNow().ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.csv";
        return Results.File(Csv.Utf8WithBom(csv), "text/csv; charset=utf-8", name);
    }
}
