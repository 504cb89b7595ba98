using Cronos;
using Hangfire;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Sync;

/// <summary>
/// Registers the recurring full sync under one stable id (add-or-update, so a restart never adds a second one), or
/// removes it when the schedule is empty. Occurrences missed while the server was down or busy are skipped, not
/// caught up (decision 0046).
/// </summary>
public sealed class SyncSchedule(IRecurringJobManager recurringJobs, IOptions<SyncOptions> options, TimeProvider time)
{
    public string? Cron => string.IsNullOrWhiteSpace(options.Value.Schedule) ? null : options.Value.Schedule.Trim();

    public void Register()
    {
        if (Cron is null)
        {
            recurringJobs.RemoveIfExists(SyncJobs.RecurringJobId);
            return;
        }

        recurringJobs.AddOrUpdate<SyncJobs>(
            SyncJobs.RecurringJobId,
            jobs => jobs.RunScheduledAsync(CancellationToken.None),
            Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc, MisfireHandling = MisfireHandlingMode.Ignorable });
    }

    /// <summary>The next occurrences of the schedule, in UTC; empty when it is off.</summary>
    public IReadOnlyList<DateTimeOffset> NextOccurrences(int count)
    {
        if (Cron is null)
        {
            return [];
        }

        var expression = CronExpression.Parse(Cron);
        var result = new List<DateTimeOffset>(count);
        var from = time.GetUtcNow();
        while (result.Count < count && expression.GetNextOccurrence(from, TimeZoneInfo.Utc) is { } next)
        {
            result.Add(next);
            from = next;
        }

        return result;
    }
}
