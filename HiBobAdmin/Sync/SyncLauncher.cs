using System.Globalization;
using Hangfire;
using HiBobAdmin.Audit;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Sync;

/// <summary>
/// Admits syncs: at most one full sync at a time and never two syncs of the same person, then hands the run to
/// Hangfire. Job arguments are plain values (the run id), never services or secrets. A sync an admin starts (dashboard,
/// CLI, API) is audited; scheduled and webhook runs are not, as they would flood the log and the run list has them.
/// </summary>
public sealed class SyncLauncher(
    RunStore runs,
    SyncAdmission admission,
    IBackgroundJobClient jobs,
    AuditLog audit,
    RunOwner owner,
    TimeProvider time)
{
    /// <summary>The longest email or HiBob id a single-person sync accepts.</summary>
    public const int MaxSubjectLength = 254;

    public async Task<LaunchResult> StartFullSyncAsync(
        SyncTrigger trigger,
        string startedBy,
        bool dryRun,
        CancellationToken cancellationToken)
    {
        var admitted = await AdmitAsync(SyncKind.Full, subject: null, trigger, startedBy, dryRun, cancellationToken);
        if (admitted.Accepted)
        {
            jobs.Enqueue<SyncJobs>(j => j.RunAsync(admitted.RunId!.Value, CancellationToken.None));
        }

        return admitted;
    }

    public async Task<LaunchResult> StartSingleUserSyncAsync(
        string emailOrId,
        SyncTrigger trigger,
        string startedBy,
        CancellationToken cancellationToken)
    {
        var subject = emailOrId?.Trim();
        if (string.IsNullOrEmpty(subject))
        {
            return LaunchResult.Refused(null, "Enter the email or HiBob id of the person to sync.");
        }

        var admitted = await AdmitAsync(SyncKind.SingleUser, subject, trigger, startedBy, false, cancellationToken);
        if (admitted.Accepted)
        {
            jobs.Enqueue<SyncJobs>(j => j.RunAsync(admitted.RunId!.Value, CancellationToken.None));
        }

        return admitted;
    }

    /// <summary>
    /// Starts a full sync that applies the plan of <paramref name="basis"/> (a preview or a blocked run), re-planning
    /// if either side changed since; <paramref name="waiveGuards"/> only for an approved blocked run.
    /// </summary>
    public async Task<LaunchResult> StartBasedOnAsync(
        SyncRun basis,
        bool waiveGuards,
        SyncTrigger trigger,
        string startedBy,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(basis);
        var admitted = await AdmitCoreAsync(
            SyncKind.Full, null, trigger, startedBy, false, new Basis(basis.Id, waiveGuards), cancellationToken);
        if (admitted.Accepted)
        {
            jobs.Enqueue<SyncJobs>(j => j.RunAsync(admitted.RunId!.Value, CancellationToken.None));
        }

        return admitted;
    }

    /// <summary>Records a queued run unless another one blocks it; used directly by the CLI, which runs in-process.</summary>
    public Task<LaunchResult> AdmitAsync(
        SyncKind kind,
        string? subject,
        SyncTrigger trigger,
        string startedBy,
        bool dryRun,
        CancellationToken cancellationToken) =>
        AdmitCoreAsync(kind, subject, trigger, startedBy, dryRun, null, cancellationToken);

    private async Task<LaunchResult> AdmitCoreAsync(
        SyncKind kind,
        string? subject,
        SyncTrigger trigger,
        string startedBy,
        bool dryRun,
        Basis? basis,
        CancellationToken cancellationToken)
    {
        // No email (RFC 5321: 254) or HiBob id is longer; anything longer is not a person to look up and would only
        // be stored as a run's subject.
        if (kind == SyncKind.SingleUser && subject is { Length: > MaxSubjectLength })
        {
            return LaunchResult.Refused(
                null,
                $"That is not an email or HiBob id: it is {subject.Length} characters long (at most {MaxSubjectLength}).");
        }

        // Two syncs of one person are the same sync whatever the spelling of the email.
        var key = kind == SyncKind.SingleUser ? EmailAddress.Normalise(subject) : null;

        await admission.Gate.WaitAsync(cancellationToken);
        try
        {
            var blocking = await runs.FindActiveAsync(kind, key, cancellationToken);
            if (blocking is not null)
            {
                var since = (blocking.StartedAt ?? blocking.QueuedAt).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
                var what = kind == SyncKind.Full ? "A full sync" : $"A sync of {subject}";
                return LaunchResult.Refused(blocking.Id, $"{what} is already running (started {since}).");
            }

            var run = new SyncRun
            {
                Id = Guid.NewGuid(),
                Kind = kind,
                Trigger = trigger,
                StartedBy = startedBy,
                Subject = subject,
                SubjectKey = key,
                DryRun = dryRun,
                BasedOnRunId = basis?.RunId,
                WaiveGuards = basis?.WaiveGuards ?? false,
                Status = SyncRunStatus.Queued,
                QueuedAt = time.GetUtcNow(),
                Owner = owner.Id,
                HeartbeatAt = time.GetUtcNow(),
            };
            try
            {
                await runs.AddAsync(run, cancellationToken);
            }
            catch (DbUpdateException) when (kind == SyncKind.Full)
            {
                // Another process admitted a full sync between our check and our insert.
                var winner = await runs.FindActiveAsync(kind, null, cancellationToken);
                return LaunchResult.Refused(winner?.Id, "A full sync is already running (started in another process).");
            }

            var label = kind == SyncKind.Full ? (dryRun ? "Dry run" : "Full sync") : $"Sync of {subject}";
            if (basis is not null)
            {
                label = $"Full sync applying the plan of run {basis.RunId}";
            }

            if (trigger is SyncTrigger.Dashboard or SyncTrigger.Cli or SyncTrigger.Api)
            {
                await audit.RecordAsync(
                    startedBy, AuditAction.SyncStarted, run.Id.ToString(), $"{label} queued ({RunTrigger(trigger)}).", cancellationToken);
            }

            return LaunchResult.Started(run.Id, $"{label} queued.");
        }
        finally
        {
            admission.Gate.Release();
        }
    }

    private static string RunTrigger(SyncTrigger trigger) => trigger switch
    {
        SyncTrigger.Cli => "from the CLI",
        SyncTrigger.Api => "through the API",
        _ => "from the dashboard",
    };

    private sealed record Basis(Guid RunId, bool WaiveGuards);
}
