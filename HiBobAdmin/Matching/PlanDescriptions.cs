using System.Globalization;

namespace HiBobAdmin.Matching;

/// <summary>
/// One sentence per planned write for the preview and the run record: what it creates, and for an update each
/// changed property as old → new, so an admin sees exactly what a sync will write before it does.
/// </summary>
public sealed class PlanDescriptions
{
    private const int MaxValueLength = 80;

    private static readonly (string Key, Func<HibobUserProperties, string?> Value)[] Properties =
    [
        ("id", p => p.Id),
        ("displayName", p => p.DisplayName),
        ("firstName", p => p.FirstName),
        ("surname", p => p.Surname),
        ("fullName", p => p.FullName),
        ("email", p => p.Email),
        ("companyId", p => p.CompanyId),
        ("state", p => p.State),
        ("avatarUrl", p => p.AvatarUrl),
        ("coverImageUrl", p => p.CoverImageUrl),
        ("creationDatetime", p => p.CreationDatetime),
        ("creationDate", p => p.CreationDate),
        ("isManager", p => p.IsManager is { } flag ? flag.ToString(CultureInfo.InvariantCulture).ToLowerInvariant() : null),
        ("durationOfEmployment", p => p.DurationOfEmployment),
        ("department", p => p.Department),
        ("work_title", p => p.WorkTitle),
    ];

    private readonly Dictionary<string, HibobUserEntity> _existing;

    /// <param name="existing">The <c>hibob_user</c> entities Port holds now.</param>
    public PlanDescriptions(IEnumerable<HibobUserEntity> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        _existing = new Dictionary<string, HibobUserEntity>(StringComparer.Ordinal);
        foreach (var entity in existing)
        {
            _existing.TryAdd(entity.Identifier, entity);
        }
    }

    public string Describe(HibobUserWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        var desired = write.Entity;
        _existing.TryGetValue(desired.Identifier, out var current);
        return write.Kind switch
        {
            HibobUserWriteKind.Create => desired.Properties.Email is { } email
                ? $"New hibob_user entity ({Show(email)})."
                : "New hibob_user entity (no work email).",
            HibobUserWriteKind.StateOnly => $"state: {Show(current?.Properties.State)} → {Show(desired.Properties.State)}",
            _ => Changes(current, desired),
        };
    }

    public static string Describe(UserLinkWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return write.Kind switch
        {
            UserLinkKind.Link => $"hibob_user relation: (none) → {write.EmployeeId}",
            UserLinkKind.Relink => $"hibob_user relation: {write.PreviousEmployeeId} → {write.EmployeeId}",
            _ => $"New Port user {write.PortUserIdentifier} (no invitation), hibob_user relation → {write.EmployeeId}",
        };
    }

    private static string Changes(HibobUserEntity? current, HibobUserEntity desired)
    {
        var changes = new List<string>();
        if (!string.Equals(current?.Title, desired.Title, StringComparison.Ordinal))
        {
            changes.Add($"title: {Show(current?.Title)} → {Show(desired.Title)}");
        }

        foreach (var (key, value) in Properties)
        {
            var before = current is null ? null : value(current.Properties);
            var after = value(desired.Properties);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add($"{key}: {Show(before)} → {Show(after)}");
            }
        }

        return changes.Count == 0 ? "No property differs." : string.Join("; ", changes);
    }

    /// <summary>Where to cut to at most <paramref name="length"/> characters without splitting an emoji's pair.</summary>
    internal static int CutAt(string text, int length) =>
        length < text.Length && char.IsLowSurrogate(text[length]) ? length - 1 : length;

    private static string Show(string? value) => value switch
    {
        null => "(empty)",
        { Length: > MaxValueLength } text => $"\"{text[..CutAt(text, MaxValueLength)]}…\"",
        _ => $"\"{value}\"",
    };
}
