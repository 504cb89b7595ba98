using HiBobAdmin.HiBob;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;
using HiBobAdmin.Storage;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

/// <summary>
/// Executes one recorded run: read both sides, reconcile (protected accounts left out), pass the guards, apply the plan
/// (entities before links), record every item, and publish progress. Used by the Hangfire job and by the CLI alike.
/// Nothing is written to Port (not even the data model) before the guards have passed.
/// </summary>
public sealed partial class SyncRunner(
    SyncStateReader reader,
    IPortCatalog port,
    RunStore runs,
    DataModelGate dataModel,
    SyncGate gate,
    PeopleSnapshotStore snapshots,
    SyncProgressHub hub,
    CredentialHealth credentials,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<SyncRunner> logger)
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    public async Task<SyncRun> ExecuteAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await runs.FindAsync(runId, cancellationToken)
            ?? throw new InvalidOperationException($"Run {runId} does not exist.");
        if (!run.IsActive)
        {
            return run;
        }

        run.Status = SyncRunStatus.Running;
        run.StartedAt = time.GetUtcNow();
        await runs.SaveAsync(run, cancellationToken);
        hub.Publish(run);
        LogStarted(run.Id, run.Kind, run.Trigger, run.DryRun);

        try
        {
            await RunCoreAsync(run, cancellationToken);
            credentials.RecordSuccess();
        }
        catch (VendorApiException ex)
        {
            run.Status = SyncRunStatus.Failed;
            run.Message = ex.Message;
            if (ex.StatusCode is 401 or 403)
            {
                credentials.RecordFailure(ex.Message);
            }

            LogFailed(ex, run.Id, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            run.Status = SyncRunStatus.Interrupted;
            run.Message = "The run was stopped before it finished; the next run picks up where it left off.";
        }
#pragma warning disable CA1031 // The job boundary: whatever went wrong, the run must end recorded, never stuck Running.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            run.Status = SyncRunStatus.Failed;
            run.Message = "The sync stopped on an unexpected error; the log has the details.";
            LogCrashed(ex, run.Id);
        }

        run.FinishedAt = time.GetUtcNow();
        await runs.SaveAsync(run, CancellationToken.None);
        hub.Publish(run);
        LogFinished(run.Id, run.Status, run.Created, run.Updated, run.Linked, run.Unchanged, run.Skipped, run.Failed);
        return run;
    }

    private async Task RunCoreAsync(SyncRun run, CancellationToken cancellationToken)
    {
        var applied = await PlanAndApplyAsync(run, cancellationToken);
        if (applied is null)
        {
            return;
        }

        var after = await reader.AfterWritesAsync(applied.Before, applied.Writes, cancellationToken);
        PublishSnapshot(run, after, Reconciler.Reconcile(after.ToInput(options.Value)));

        run.Status = run.Failed == 0 ? SyncRunStatus.Succeeded : SyncRunStatus.CompletedWithFailures;
        run.Message = (applied.Decision.Note is { } note ? $"{note} " : "") + (run.Failed == 0
            ? $"{run.Created} created, {run.Updated} updated, {run.Linked} linked, {run.Unchanged} unchanged."
            : $"{run.Failed} of {run.Planned} changes failed; see the items for Port's messages.");
    }

    /// <summary>
    /// Reads, plans, decides and writes. Null when the run ended before writing (dry run, blocked, no such person).
    /// </summary>
    private async Task<AppliedRun?> PlanAndApplyAsync(SyncRun run, CancellationToken cancellationToken)
    {
        var state = await ReadAsync(run, cancellationToken);
        if (state is null)
        {
            run.Status = SyncRunStatus.Failed;
            run.Message = HiBobMessages.NoEmployee(run.Subject ?? "");
            return null;
        }

        var reconciliation = Reconciler.Reconcile(state.ToInput(options.Value));
        var plan = reconciliation.Plan;
        // A repeated HiBob id is the reconciler's to report (it skips the repeat); the first name wins here.
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var employee in state.Employees)
        {
            names.TryAdd(employee.Id, employee.Name);
        }


        run.EmployeesRead = state.Employees.Count;
        run.PortUsersRead = state.PortUsers.Count;
        run.Planned = plan.WriteCount;
        run.Unchanged = plan.Unchanged;
        var skipped = state.UnreadableEmployees.Concat(plan.Skipped).ToList();
        run.Skipped = skipped.Count;
        await runs.AddItemsAsync(
            [.. skipped.Select(s => Item(run.Id, s.Subject, names, SyncItemAction.Skip, SyncItemOutcome.Skipped, s.Reason))],
            cancellationToken);

        var descriptions = new PlanDescriptions(state.HibobUsers);
        var decision = await DecideAsync(run, state, plan, names, descriptions, cancellationToken);
        if (run.DryRun)
        {
            run.Status = SyncRunStatus.Succeeded;
            run.Message = DryRunSummary(plan)
                + (decision.BlockReason is { } wouldBlock ? $" Applying it now would be blocked: {wouldBlock}" : "");
            PublishSnapshot(run, state, reconciliation);
            return null;
        }

        if (decision.BlockReason is { } reason)
        {
            run.Status = SyncRunStatus.Blocked;
            run.Message = $"Blocked: {reason}" + (decision.Note is { } why ? $" {why}" : "");
            LogBlocked(run.Id, reason);
            return null;
        }

        await dataModel.EnsureReadyAsync(cancellationToken);
        await runs.SaveAsync(run, cancellationToken);
        hub.Publish(run);
        var writes = await ApplyAsync(run, plan, names, descriptions, cancellationToken);
        return new AppliedRun(state, writes, decision);
    }

    /// <summary>
    /// Passes the plan through the guards. A dry run or a blocked run records every planned item, so the admin can
    /// judge it (and approve it once); the items live only here, so a run that goes on to write does not carry one
    /// description per change through the writes.
    /// </summary>
    private async Task<GateDecision> DecideAsync(
        SyncRun run,
        SyncState state,
        SyncPlan plan,
        Dictionary<string, string> names,
        PlanDescriptions descriptions,
        CancellationToken cancellationToken)
    {
        var planned = PlannedItems(run.Id, plan, names, descriptions);
        var decision = await gate.DecideAsync(run, state, plan, planned, cancellationToken);
        if (run.DryRun || decision.BlockReason is not null)
        {
            await runs.AddItemsAsync(planned, cancellationToken);
        }

        return decision;
    }

    private async Task<SyncState?> ReadAsync(SyncRun run, CancellationToken cancellationToken)
    {
        if (run.Kind == SyncKind.Full)
        {
            return await reader.ReadAllAsync(cancellationToken);
        }

        return await reader.ReadOneAsync(run.Subject!, cancellationToken);
    }

    /// <summary>Writes the plan and records every item; returns the writes Port accepted.</summary>
    private async Task<PortAfterWrites> ApplyAsync(
        SyncRun run,
        SyncPlan plan,
        Dictionary<string, string> names,
        PlanDescriptions descriptions,
        CancellationToken cancellationToken)
    {
        var accepted = new PortAfterWrites();
        var progress = new RunProgressReporter(run, hub, runs, time, ProgressInterval);
        var items = new List<SyncRunItem>();

        progress.BeginPhase();
        var entityOutcomes = await port.WriteHibobUsersAsync(plan.HibobUserWrites, progress, cancellationToken);
        var failedEntities = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < plan.HibobUserWrites.Count; i++)
        {
            var write = plan.HibobUserWrites[i];
            var outcome = entityOutcomes[i];
            var action = write.Kind switch
            {
                HibobUserWriteKind.Create => SyncItemAction.CreateEntity,
                HibobUserWriteKind.Update => SyncItemAction.UpdateEntity,
                _ => SyncItemAction.MarkInactive,
            };
            if (outcome.Succeeded)
            {
                accepted.Accepted(write);
                if (write.Kind == HibobUserWriteKind.Create)
                {
                    run.Created++;
                }
                else
                {
                    run.Updated++;
                }
            }
            else
            {
                run.Failed++;
                failedEntities.Add(write.Entity.Identifier);
            }

            items.Add(Item(
                run.Id, write.Entity.Identifier, names, action, Outcome(outcome), outcome.Message ?? descriptions.Describe(write)));
        }

        // Recorded before the link phase, so a run that stops there still shows what it wrote.
        await runs.AddItemsAsync([.. items], cancellationToken);
        items.Clear();

        // A relation to an entity that failed to write would fail too; say why instead of sending it.
        var links = plan.UserLinkWrites.Where(l => !failedEntities.Contains(l.EmployeeId)).ToList();
        foreach (var blocked in plan.UserLinkWrites.Where(l => failedEntities.Contains(l.EmployeeId)))
        {
            run.Failed++;
            items.Add(Item(
                run.Id, blocked.PortUserIdentifier, names, LinkAction(blocked.Kind), SyncItemOutcome.Failed,
                $"Not linked: the hibob_user entity {blocked.EmployeeId} could not be written."));
            progress.Advance(1);
        }

        progress.BeginPhase();
        var linkOutcomes = await port.WriteUserLinksAsync(links, progress, cancellationToken);
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            var outcome = linkOutcomes[i];
            if (outcome.Succeeded)
            {
                accepted.Accepted(link);
                run.Linked++;
                if (link.Kind == UserLinkKind.CreateAndLink)
                {
                    run.Created++;
                }
            }
            else
            {
                run.Failed++;
            }

            var item = Item(
                run.Id, link.PortUserIdentifier, names, LinkAction(link.Kind), Outcome(outcome),
                outcome.Message ?? PlanDescriptions.Describe(link));
            item.Name = names.GetValueOrDefault(link.EmployeeId);
            items.Add(item);
        }

        foreach (var identifier in plan.EntityRemovals)
        {
            var outcome = await port.RemoveHibobUserAsync(identifier, cancellationToken);
            run.Failed += outcome.Succeeded ? 0 : 1;
            if (outcome.Succeeded)
            {
                accepted.Removed(identifier);
            }

            items.Add(Item(run.Id, identifier, names, SyncItemAction.RemoveEntity, Outcome(outcome), outcome.Message));
            progress.Advance(1);
        }

        run.Done = run.Planned;
        await progress.FlushAsync();
        await runs.AddItemsAsync([.. items], cancellationToken);
        return accepted;
    }

    private void PublishSnapshot(SyncRun run, SyncState state, Reconciliation reconciliation)
    {
        var snapshot = state.ToSnapshot(reconciliation);
        if (run.Kind == SyncKind.Full)
        {
            run.ActiveEmployees = snapshot.People.Count(p => p.Employee?.IsActive == true);
            run.MatchedEmployees = snapshot.Count(LinkStatus.Matched);
        }

        if (run.Kind == SyncKind.Full || snapshots.Current is null)
        {
            snapshots.Replace(snapshot);
            return;
        }

        var ids = state.Employees.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var emails = state.Employees.Select(e => EmailAddress.Normalise(e.Email)).OfType<string>().ToHashSet(StringComparer.Ordinal);
        bool Concerns(PersonRow row) =>
            (row.Employee is not null && ids.Contains(row.Employee.Id))
            || (row.NormalisedEmail is not null && emails.Contains(row.NormalisedEmail));
        var current = snapshots.Current!.Plan;
        var plan = new SyncPlan(
            [.. current.HibobUserWrites.Where(w => !ids.Contains(w.Entity.Identifier)), .. snapshot.Plan.HibobUserWrites],
            [.. current.UserLinkWrites.Where(w => !ids.Contains(w.EmployeeId)), .. snapshot.Plan.UserLinkWrites],
            [.. current.Skipped.Where(s => !ids.Contains(s.Subject)), .. snapshot.Plan.Skipped],
            current.Unchanged)
        {
            StaleEntities = current.StaleEntities,
        };
        snapshots.ReplaceRows(Concerns, snapshot.People.Where(Concerns), snapshot.ReadAt, plan);
    }

    private static SyncRunItem[] PlannedItems(
        Guid runId,
        SyncPlan plan,
        Dictionary<string, string> names,
        PlanDescriptions descriptions) =>
    [
        .. plan.HibobUserWrites.Select(w => Item(
            runId,
            w.Entity.Identifier,
            names,
            w.Kind switch
            {
                HibobUserWriteKind.Create => SyncItemAction.CreateEntity,
                HibobUserWriteKind.Update => SyncItemAction.UpdateEntity,
                _ => SyncItemAction.MarkInactive,
            },
            SyncItemOutcome.Planned,
            descriptions.Describe(w))),
        .. plan.UserLinkWrites.Select(l =>
        {
            var item = Item(
                runId, l.PortUserIdentifier, names, LinkAction(l.Kind), SyncItemOutcome.Planned, PlanDescriptions.Describe(l));
            item.Name = names.GetValueOrDefault(l.EmployeeId);
            return item;
        }),
        .. plan.EntityRemovals.Select(id => Item(runId, id, names, SyncItemAction.RemoveEntity, SyncItemOutcome.Planned, null)),
    ];

    private static string DryRunSummary(SyncPlan plan)
    {
        int Entities(HibobUserWriteKind kind) => plan.HibobUserWrites.Count(w => w.Kind == kind);
        int Links(UserLinkKind kind) => plan.UserLinkWrites.Count(w => w.Kind == kind);
        return $"Dry run: {plan.WriteCount} changes planned ({Entities(HibobUserWriteKind.Create)} entities to create, "
            + $"{Entities(HibobUserWriteKind.Update)} to update, {Entities(HibobUserWriteKind.StateOnly)} to mark inactive, "
            + $"{Links(UserLinkKind.Link)} links, {Links(UserLinkKind.Relink)} relinks, "
            + $"{Links(UserLinkKind.CreateAndLink)} Port users to create), nothing written.";
    }

    private static SyncItemAction LinkAction(UserLinkKind kind) => kind switch
    {
        UserLinkKind.Link => SyncItemAction.LinkUser,
        UserLinkKind.Relink => SyncItemAction.RelinkUser,
        _ => SyncItemAction.CreateUser,
    };

    private static SyncItemOutcome Outcome(PortWriteOutcome outcome) =>
        outcome.Succeeded ? SyncItemOutcome.Applied : SyncItemOutcome.Failed;

    private static SyncRunItem Item(
        Guid runId,
        string subject,
        Dictionary<string, string> names,
        SyncItemAction action,
        SyncItemOutcome outcome,
        string? message) =>
        new()
        {
            RunId = runId,
            Subject = subject,
            Name = names.GetValueOrDefault(subject),
            Action = action,
            Outcome = outcome,
            Message = message is { Length: > 2000 } ? message[..2000] : message,
        };

    /// <summary>A run that wrote: what it read, the writes Port accepted and the guards' decision.</summary>
    private sealed record AppliedRun(SyncState Before, PortAfterWrites Writes, GateDecision Decision);

    [LoggerMessage(EventId = 200, Level = LogLevel.Information,
        Message = "Sync {RunId} started: {Kind} from {Trigger}, dry run {DryRun}")]
    private partial void LogStarted(Guid runId, SyncKind kind, SyncTrigger trigger, bool dryRun);

    [LoggerMessage(EventId = 201, Level = LogLevel.Information,
        Message = "Sync {RunId} finished {Status}: {Created} created, {Updated} updated, {Linked} linked, "
            + "{Unchanged} unchanged, {Skipped} skipped, {Failed} failed")]
    private partial void LogFinished(
        Guid runId, SyncRunStatus status, int created, int updated, int linked, int unchanged, int skipped, int failed);

    [LoggerMessage(EventId = 204, Level = LogLevel.Warning, Message = "Sync {RunId} blocked before writing: {Reason}")]
    private partial void LogBlocked(Guid runId, string reason);

    [LoggerMessage(EventId = 203, Level = LogLevel.Error, Message = "Sync {RunId} stopped on an unexpected error")]
    private partial void LogCrashed(Exception exception, Guid runId);

    [LoggerMessage(EventId = 202, Level = LogLevel.Error, Message = "Sync {RunId} failed: {Reason}")]
    private partial void LogFailed(Exception exception, Guid runId, string reason);
}
