using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

/// <summary>
/// Decides, after planning and before any write, whether a full sync may write: the guards of
/// <see cref="SyncGuards"/>, and for a run that applies a preview or an approved blocked run, whether its plan is
/// still the one the admin saw (docs/decisions/0010-sync-guards.md, 0012-apply-follows-the-preview.md).
/// </summary>
public sealed class SyncGate(RunStore runs, IOptions<SyncOptions> options)
{
    public async Task<GateDecision> DecideAsync(
        SyncRun run,
        SyncState state,
        SyncPlan plan,
        IReadOnlyList<SyncRunItem> planned,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(plan);

        string? note = null;
        string? changed = null;
        var waived = false;
        if (run.BasedOnRunId is { } basisId)
        {
            var difference = PlanDifference.Between(await runs.ItemsAsync(basisId, cancellationToken), planned);
            if (difference.IsNone)
            {
                // An approval holds for exactly the plan the admin saw, never for one that has changed since.
                waived = run.WaiveGuards;
                note = run.WaiveGuards
                    ? "Applied the approved plan with the guards waived."
                    : "Applied the plan shown in the preview.";
            }
            else
            {
                var since = run.WaiveGuards ? "the blocked run was approved" : "the preview";
                changed = $"HiBob or Port changed since {since}: {difference.Describe()}";
                note = changed + "; applied the new plan.";
            }
        }

        if (run.Kind != SyncKind.Full || waived)
        {
            return new GateDecision(null, note);
        }

        var settings = options.Value;
        var reason = SyncGuards.Completeness(
            state.Employees,
            state.UnreadableEmployees.Count,
            await runs.LastSuccessfulActiveEmployeesAsync(cancellationToken),
            settings.MinActiveEmployeesPercent)
            ?? SyncGuards.Volume(
                ChangeVolume.Of(plan, state.ToInput(settings)),
                settings.MaxChangePercent,
                settings.MinChangesToBlock);
        if (reason is not null)
        {
            note = changed is null ? null : changed + "; the approval or preview does not carry over to the new plan.";
        }

        return new GateDecision(reason, note);
    }
}
