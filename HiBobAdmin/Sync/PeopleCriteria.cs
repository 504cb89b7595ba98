using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>What the people view is narrowed to; every part is optional and they combine with "and".</summary>
/// <param name="Search">
/// Part of a name, HiBob email, Port identifier or HiBob id, compared ignoring case; blank means everyone.
/// </param>
/// <param name="Status">Only rows with this link status.</param>
/// <param name="HiBobStatus">Only employees in this HiBob state (<see cref="Active"/>, <see cref="Inactive"/>), or
/// rows without an employee (<see cref="None"/>).</param>
/// <param name="AccountStatus">Only Port users with this account status (Active, Invited, Staged, Disabled,
/// ignoring case), or rows without a Port user (<see cref="None"/>).</param>
public sealed record PeopleCriteria(
    string? Search = null,
    LinkStatus? Status = null,
    string? HiBobStatus = null,
    string? AccountStatus = null)
{
    public const string Active = "Active";

    public const string Inactive = "Inactive";

    /// <summary>The filter value for "this side has nobody".</summary>
    public const string None = "None";

    public static PeopleCriteria Everyone { get; } = new();

    /// <summary>The account statuses Port knows (DESIGN.md, "Port user").</summary>
    public static IReadOnlyList<string> AccountStatuses { get; } = ["Active", "Invited", "Staged", "Disabled"];

    /// <summary>Reads the values of a shared link (<c>?status=HiBobOnly&amp;q=ana</c>); unknown values are ignored.</summary>
    public static PeopleCriteria FromQuery(string? status, string? search, string? hibob, string? account) =>
        new(
            string.IsNullOrWhiteSpace(search) ? null : search.Trim(),
            Enum.TryParse<LinkStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : null,
            Known(hibob, [Active, Inactive, None]),
            Known(account, [.. AccountStatuses, None]));

    private static string? Known(string? value, IReadOnlyList<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
