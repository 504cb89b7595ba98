using System.Collections.Frozen;
using System.Globalization;

namespace HiBobAdmin.Sandbox;

/// <summary>The employee fields the sandbox knows, and the named lists behind its list fields.</summary>
internal static class HiBobFieldCatalog
{
    public const string DepartmentList = "department";
    public const string TitleList = "title";

    public static IReadOnlyList<HiBobField> Fields { get; } =
    [
        new("root.id", "Employee ID", "text"),
        new("root.email", "Email", "text"),
        new("root.firstName", "First name", "text"),
        new("root.surname", "Last name", "text"),
        new("root.displayName", "Display name", "text"),
        new("root.fullName", "Full name", "text"),
        new("root.avatarUrl", "Avatar URL", "text"),
        new("root.coverImageUrl", "Cover image URL", "text"),
        new("root.companyId", "Company ID", "number"),
        new("root.creationDateTime", "Creation date and time", "date"),
        new("work.isManager", "Is manager", "boolean"),
        new("work.title", "Job title", "list", TitleList),
        new("work.department", "Department", "list", DepartmentList),
        new("work.startDate", "Start date", "date"),
        new("work.durationOfEmployment", "Duration of employment", "text"),
        new("internal.status", "Status", "text"),
        new("internal.lifecycleStatus", "Lifecycle status", "text"),
        new("internal.terminationDate", "Termination date", "date"),
    ];

    public static FrozenDictionary<string, HiBobField> ById { get; } =
        Fields.ToFrozenDictionary(field => field.Id, StringComparer.Ordinal);

    /// <summary>
    /// What a search without <c>fields</c> returns: HiBob documents the root, about, employment and work categories;
    /// the sandbox has no about or employment fields, and internal (lifecycle) fields must be asked for.
    /// </summary>
    public static IReadOnlyList<string> DefaultSearchFields { get; } =
        [.. Fields.Where(field => field.CategoryId is "root" or "work").Select(field => field.Id)];

    public static IReadOnlyDictionary<string, string> CategoryNames { get; } = new Dictionary<string, string>
    {
        ["root"] = "Basic info",
        ["work"] = "Work",
        ["internal"] = "Lifecycle",
    };

    /// <summary>The named lists behind the list fields, items in list order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<HiBobListItem>> Lists { get; } =
        new Dictionary<string, IReadOnlyList<HiBobListItem>>(StringComparer.Ordinal)
        {
            [DepartmentList] = Numbered(209192100, SandboxNames.Departments),
            [TitleList] = Numbered(185749400, SandboxNames.Titles),
        };

    private static readonly FrozenDictionary<string, string> ItemNames = Lists.Values
        .SelectMany(items => items)
        .ToFrozenDictionary(item => item.Id, item => item.Name, StringComparer.Ordinal);

    /// <summary>The display name of a list item id, or null when the id is unknown.</summary>
    public static string? ItemName(string itemId) => ItemNames.GetValueOrDefault(itemId);

    private static HiBobListItem[] Numbered(int firstId, IReadOnlyList<string> names) =>
    [
        .. names.Select((name, index) => new HiBobListItem(
            (firstId + (index * 7)).ToString(CultureInfo.InvariantCulture),
            name)),
    ];
}
