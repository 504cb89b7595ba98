using System.Globalization;
using Hangfire;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Sync;

/// <summary>
/// Admits syncs: at most one full sync at a time and never two syncs of the same person, then hands the run to
/// Hangfire. Job arguments are plain values (the run id), never services or secrets.
/// </summary>
public sealed class SyncLauncher(RunStore runs, SyncAdmission admission, IBackgroundJobClient jobs, TimeProvider time)
{
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

    /// <summary>Records a queued run unless another one blocks it; used directly by the CLI, which runs in-process.</summary>
    public async Task<LaunchResult> AdmitAsync(
        SyncKind kind,
        string? subject,
        SyncTrigger trigger,
        string startedBy,
        bool dryRun,
        CancellationToken cancellationToken)
    {
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
                Status = SyncRunStatus.Queued,
                QueuedAt = time.GetUtcNow(),
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
            return LaunchResult.Started(run.Id, $"{label} queued.");
        }
        finally
        {
            admission.Gate.Release();
        }
    }
}
