using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>
/// The checks a full sync passes before it writes (docs/decisions/0010-sync-guards.md). Each returns null when the
/// run may go on, or the reason it may not in one sentence (without the "Blocked: " the run message adds).
/// </summary>
public static class SyncGuards
{
    /// <summary>
    /// HiBob's answer looks whole: the employees have an id, an email and a status (a field empty for all of them
    /// means the service user lost a permission), and the active ones are not far fewer than last time.
    /// </summary>
    /// <param name="employees">The employees read with a usable id.</param>
    /// <param name="unreadable">Records HiBob returned that could not be read (no usable id, say).</param>
    /// <param name="lastActive">Active employees of the last successful full run, or null when there is none.</param>
    /// <param name="minPercent">The share of <paramref name="lastActive"/> below which the run is blocked.</param>
    public static string? Completeness(IReadOnlyList<Employee> employees, int unreadable, int? lastActive, int minPercent)
    {
        ArgumentNullException.ThrowIfNull(employees);

        if (employees.Count == 0 && unreadable > 0)
        {
            return $"HiBob returned {unreadable} employees and none has a usable id (root.id).";
        }

        if (employees.Count > 0 && employees.All(e => e.Email is null))
        {
            return $"HiBob returned {employees.Count} employees and none has a work email (root.email); "
                + "check the service user's permissions.";
        }

        if (employees.Count > 0 && employees.All(e => e.Status is null))
        {
            return $"HiBob returned {employees.Count} employees and none has a status (internal.status); "
                + "check the service user's permissions.";
        }

        if (lastActive is not { } previous || previous <= 0)
        {
            return null;
        }

        var active = employees.Where(e => e.IsActive).Select(e => e.Id).Distinct(StringComparer.Ordinal).Count();
        if ((long)active * 100 >= (long)previous * minPercent)
        {
            return null;
        }

        return $"HiBob returned {active} active employees, {(long)active * 100 / previous}% of the {previous} in the "
            + $"last successful run (threshold {minPercent}%).";
    }

    /// <summary>
    /// The plan undoes no more than <paramref name="maxPercent"/> of any kind of existing link or entity; fewer than
    /// <paramref name="minChanges"/> such writes never block, so a small organisation is not stopped by one leaver.
    /// </summary>
    public static string? Volume(ChangeVolume volume, int maxPercent, int minChanges)
    {
        ArgumentNullException.ThrowIfNull(volume);

        var over = volume.Shares.FirstOrDefault(s => s.Count >= minChanges && s.Exceeds(maxPercent));
        return over is null
            ? null
            : $"this run would {over.Verb} {over.Count} of {over.Existing} {over.Noun} ({over.Percent}%, threshold {maxPercent}%).";
    }
}
