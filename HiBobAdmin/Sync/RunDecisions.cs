using HiBobAdmin.Audit;
using HiBobAdmin.Storage;

namespace HiBobAdmin.Sync;

/// <summary>
/// The two ways an admin turns a recorded plan into writes: "Apply" on a preview (Operate) and "Apply anyway" on a
/// blocked run (Administer, approved once and audited). Both start a full sync based on that run, which re-plans and
/// applies only what is still true (docs/decisions/0012-apply-follows-the-preview.md).
/// </summary>
public sealed class RunDecisions(RunStore runs, SyncLauncher launcher, AuditLog audit, TimeProvider time)
{
    public async Task<LaunchResult> ApplyPreviewAsync(Guid previewRunId, string actor, CancellationToken cancellationToken)
    {
        var preview = await runs.FindAsync(previewRunId, cancellationToken);
        if (preview is not { Kind: SyncKind.Full, DryRun: true, Status: SyncRunStatus.Succeeded })
        {
            return LaunchResult.Refused(null, "Only a finished full preview (dry run) can be applied.");
        }

        return await launcher.StartBasedOnAsync(preview, waiveGuards: false, SyncTrigger.Dashboard, actor, cancellationToken);
    }

    public async Task<LaunchResult> ApproveAsync(Guid blockedRunId, string actor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var blocked = await runs.FindAsync(blockedRunId, cancellationToken);
        if (blocked is not { Kind: SyncKind.Full, Status: SyncRunStatus.Blocked })
        {
            return LaunchResult.Refused(null, "Only a blocked full sync can be approved.");
        }

        if (!await runs.TryApproveAsync(blocked.Id, actor, time.GetUtcNow(), cancellationToken))
        {
            var current = await runs.FindAsync(blocked.Id, cancellationToken);
            return LaunchResult.Refused(null, $"This run was already approved by {current?.ApprovedBy ?? "another admin"}.");
        }

        var launch = await launcher.StartBasedOnAsync(blocked, waiveGuards: true, SyncTrigger.Dashboard, actor, cancellationToken);
        if (!launch.Accepted)
        {
            await runs.WithdrawApprovalAsync(blocked.Id, cancellationToken);
            return launch;
        }

        await audit.RecordAsync(
            actor,
            AuditAction.SyncApproved,
            blocked.Id.ToString(),
            $"Approved the blocked run ({blocked.Message}); run {launch.RunId} applies its plan.",
            cancellationToken);
        return LaunchResult.Started(
            launch.RunId!.Value,
            "Approved: a full sync applies this plan with the guards waived, unless HiBob or Port changed since.");
    }
}
