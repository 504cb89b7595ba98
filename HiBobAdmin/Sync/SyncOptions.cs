using System.ComponentModel.DataAnnotations;

namespace HiBobAdmin.Sync;

/// <summary>How and when syncs run (section <c>Sync</c>).</summary>
public sealed class SyncOptions
{
    public const string SectionName = "Sync";

    /// <summary>Cron (5 fields, UTC) of the recurring full sync; empty turns it off.</summary>
    public string? Schedule { get; set; } = "0 * * * *";

    /// <summary>As Port's guide does: an employee with no Port user gets one (Port creates it without an invitation).</summary>
    public bool CreateMissingPortUsers { get; set; } = true;

    /// <summary>
    /// Opt-in: a full sync also removes <c>hibob_user</c> entities whose employee HiBob no longer returns (never one a
    /// Port user still links to). Off, they are only listed for an admin to remove.
    /// </summary>
    public bool RemoveStaleEntities { get; set; }

    /// <summary>Concurrent Port write requests.</summary>
    [Range(1, 20)]
    public int MaxConcurrentRequests { get; set; } = 4;

    /// <summary>Consecutive credential rejections after which the recurring sync pauses until one succeeds.</summary>
    [Range(1, 100)]
    public int PauseAfterAuthFailures { get; set; } = 3;

    /// <summary>
    /// Completeness guard: a full sync that reads fewer active employees than this share (in percent) of the last
    /// successful full run's is blocked; 0 turns the check off.
    /// </summary>
    [Range(0, 100)]
    public int MinActiveEmployeesPercent { get; set; } = 80;

    /// <summary>
    /// Change-volume guard: a full sync that would relink, mark inactive or remove more than this share (in percent)
    /// of the existing links or entities is blocked; 100 turns the check off.
    /// </summary>
    [Range(0, 100)]
    public int MaxChangePercent { get; set; } = 20;

    /// <summary>Below this many relinks, inactivations or removals the change-volume guard does not block.</summary>
    [Range(1, 100_000)]
    public int MinChangesToBlock { get; set; } = 10;

    /// <summary>Emails of Port users a sync never changes (besides Port admins, which are always protected).</summary>
    public IList<string> ProtectedAccounts { get; } = [];
}
