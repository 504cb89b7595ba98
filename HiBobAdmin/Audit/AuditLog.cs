using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Audit;

/// <summary>Writes and reads the audit log. Entries are only ever added; nothing here edits or removes one.</summary>
public sealed class AuditLog(IDbContextFactory<HiBobAdminDbContext> contexts, TimeProvider time)
{
    public async Task<AuditEntry> RecordAsync(
        string actor,
        AuditAction action,
        string? subject,
        string detail,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        ArgumentException.ThrowIfNullOrWhiteSpace(detail);
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            Actor = actor,
            Action = action,
            Subject = subject,
            Detail = detail,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEntries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        return entry;
    }

    /// <summary>One page of the entries that meet the criteria, newest first.</summary>
    public async Task<PagedResult<AuditEntry>> PageAsync(
        AuditCriteria criteria,
        int page,
        int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db, criteria);
        var total = await entries.CountAsync(cancellationToken);
        var rows = await entries
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<AuditEntry>(rows, total);
    }

    /// <summary>Every entry that meets the criteria, newest first, streamed (for the CSV export).</summary>
    public async IAsyncEnumerable<AuditEntry> StreamAsync(
        AuditCriteria criteria,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = Filter(db, criteria).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            yield return entry;
        }
    }

    private static IQueryable<AuditEntry> Filter(HiBobAdminDbContext db, AuditCriteria criteria)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        var entries = db.AuditEntries.AsNoTracking();
        if (criteria.Action is { } action)
        {
            entries = entries.Where(e => e.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(criteria.Actor))
        {
            var actor = criteria.Actor.Trim();
            entries = entries.Where(e => e.Actor == actor);
        }

        if (criteria.From is { } from)
        {
            entries = entries.Where(e => e.At >= from);
        }

        if (criteria.To is { } to)
        {
            entries = entries.Where(e => e.At < to);
        }

        if (!string.IsNullOrWhiteSpace(criteria.Search))
        {
            var pattern = LikePattern.Containing(criteria.Search);
            entries = entries.Where(e =>
                (e.Subject != null && EF.Functions.Like(e.Subject, pattern, LikePattern.Escape))
                || EF.Functions.Like(e.Detail, pattern, LikePattern.Escape)
                || EF.Functions.Like(e.Actor, pattern, LikePattern.Escape));
        }

        return entries;
    }
}
