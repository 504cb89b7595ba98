using HiBobAdmin.Storage;

namespace HiBobAdmin.Sync;

/// <summary>
/// How a new plan differs from an earlier one (a preview, a blocked run), compared item by item: the same action on
/// the same subject with the same described values is the same change.
/// </summary>
/// <param name="Added">Changes in the new plan that the earlier one did not hold.</param>
/// <param name="Gone">Changes of the earlier plan that are no longer needed.</param>
public sealed record PlanDifference(int Added, int Gone)
{
    public bool IsNone => Added == 0 && Gone == 0;

    public static PlanDifference Between(IEnumerable<SyncRunItem> earlier, IEnumerable<SyncRunItem> now)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(now);

        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in earlier.Where(IsPlannedWrite))
        {
            remaining[Key(item)] = remaining.GetValueOrDefault(Key(item)) + 1;
        }

        var added = 0;
        foreach (var item in now.Where(IsPlannedWrite))
        {
            var key = Key(item);
            if (remaining.GetValueOrDefault(key) > 0)
            {
                remaining[key]--;
            }
            else
            {
                added++;
            }
        }

        return new PlanDifference(added, remaining.Values.Sum());
    }

    /// <summary>"3 changes added, 1 no longer needed".</summary>
    public string Describe() => $"{Count(Added, "change")} added, {Gone} no longer needed";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private static bool IsPlannedWrite(SyncRunItem item) =>
        item.Outcome == SyncItemOutcome.Planned && item.Action != SyncItemAction.Skip;

    private static string Key(SyncRunItem item) => $"{item.Action}\u001f{item.Subject}\u001f{item.Message}";
}
