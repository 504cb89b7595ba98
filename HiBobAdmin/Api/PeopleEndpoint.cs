using System.Globalization;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Api;

/// <summary><c>GET /api/people?status=&amp;page=&amp;pageSize=</c>: one page of the people view, filtered on the server.</summary>
public static class PeopleEndpoint
{
    public const string OperationId = "GetPeople";

    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 500;

    /// <summary>Keeps (page - 1) * pageSize inside an int.</summary>
    public const int MaxPage = 1_000_000;

    internal static async Task<IResult> GetAsync(
        string? status,
        string? page,
        string? pageSize,
        IPeopleQuery people,
        CancellationToken cancellationToken)
    {
        LinkStatus? wanted = null;
        if (!string.IsNullOrWhiteSpace(status))
        {
            // Names only: Enum.TryParse would also take "3" or "Matched,Leaver".
            var name = Enum.GetNames<LinkStatus>()
                .FirstOrDefault(n => string.Equals(n, status.Trim(), StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                var allowed = string.Join(", ", Enum.GetNames<LinkStatus>());
                return ApiProblems.Invalid("status", $"'{status}' is not a link status. Allowed: {allowed}.");
            }

            wanted = Enum.Parse<LinkStatus>(name);
        }

        if (!TryReadNumber(page, 1, 1, MaxPage, out var pageNumber))
        {
            return ApiProblems.Invalid("page", $"page is a whole number from 1 to {MaxPage}.");
        }

        if (!TryReadNumber(pageSize, DefaultPageSize, 1, MaxPageSize, out var size))
        {
            return ApiProblems.Invalid("pageSize", $"pageSize is a whole number from 1 to {MaxPageSize}.");
        }

        PeopleQueryResult result;
        try
        {
            result = await people.QueryAsync(new PeopleCriteria(Status: wanted), null, pageNumber - 1, size, cancellationToken);
        }
        catch (VendorApiException ex)
        {
            return ApiProblems.BothSidesUnreadable(ex.Message);
        }

        var items = result.Rows.Select(ApiPerson.From).ToList();
        return TypedResults.Ok(new ApiPeoplePage(pageNumber, size, result.Total, result.ReadAt, items));
    }

    private static bool TryReadNumber(string? text, int fallback, int min, int max, out int value)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
