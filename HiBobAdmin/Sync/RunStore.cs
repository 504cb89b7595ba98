using HiBobAdmin.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Sync;

/// <summary>Reads and writes run records; each call owns a short-lived context, so parallel jobs never share one.</summary>
public sealed class RunStore(IDbContextFactory<HiBobAdminDbContext> contexts)
{
    private const int ItemsPerSave = 1000;

    public async Task<SyncRun?> FindAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
    }

    public async Task<IReadOnlyList<SyncRun>> RecentAsync(int count, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Runs.AsNoTracking()
            .OrderByDescending(r => r.QueuedAt)
            .Take(count)
            .ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SyncRunItem>> ItemsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.RunItems.AsNoTracking()
            .Where(i => i.RunId == runId)
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>One page of the run history, newest first, with the number of runs recorded.</summary>
    public async Task<PagedResult<SyncRun>> PageAsync(int page, int pageSize, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Runs.CountAsync(cancellationToken);
        var runs = await db.Runs.AsNoTracking()
            .OrderByDescending(r => r.QueuedAt)
            .Skip(page * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return new PagedResult<SyncRun>(runs, total);
    }

    /// <summary>One page of a run's items that meet the criteria, in the order they were recorded.</summary>
    public async Task<PagedResult<SyncRunItem>> ItemPageAsync(
        Guid runId,
        RunItemCriteria criteria,
        int page,
        int pageSize,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(criteria);
        ArgumentOutOfRangeException.ThrowIfNegative(page);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = db.RunItems.AsNoTracking().Where(i => i.RunId == runId);
        if (criteria.Outcome is { } outcome)
        {
            items = items.Where(i => i.Outcome == outcome);
        }

        if (criteria.Action is { } action)
        {
            items = items.Where(i => i.Action == action);
        }

        if (!string.IsNullOrWhiteSpace(criteria.Search))
        {
            var pattern = LikePattern.Containing(criteria.Search);
            items = items.Where(i =>
                EF.Functions.Like(i.Subject, pattern, LikePattern.Escape)
                || (i.Name != null && EF.Functions.Like(i.Name, pattern, LikePattern.Escape))
                || (i.Message != null && EF.Functions.Like(i.Message, pattern, LikePattern.Escape)));
        }

        var total = await items.CountAsync(cancellationToken);
        var rows = await items.OrderBy(i => i.Id).Skip(page * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new PagedResult<SyncRunItem>(rows, total);
    }

    /// <summary>The run that blocks a new one: an active full sync, or an active sync of the same subject.</summary>
    public async Task<SyncRun?> FindActiveAsync(SyncKind kind, string? subjectKey, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var active = db.Runs.AsNoTracking()
            .Where(r => r.Status == SyncRunStatus.Queued || r.Status == SyncRunStatus.Running)
            .Where(r => r.Kind == kind);
        if (kind == SyncKind.SingleUser)
        {
            active = active.Where(r => r.SubjectKey == subjectKey);
        }

        return await active.OrderBy(r => r.QueuedAt).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Active employees of the newest full run that wrote successfully, the completeness guard's baseline.</summary>
    public async Task<int?> LastSuccessfulActiveEmployeesAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var last = await db.Runs.AsNoTracking()
            .Where(r => r.Kind == SyncKind.Full && !r.DryRun && r.ActiveEmployees > 0)
            .Where(r => r.Status == SyncRunStatus.Succeeded || r.Status == SyncRunStatus.CompletedWithFailures)
            .OrderByDescending(r => r.QueuedAt)
            .Select(r => new { r.ActiveEmployees })
            .FirstOrDefaultAsync(cancellationToken);
        return last?.ActiveEmployees;
    }

    /// <summary>Marks a blocked run approved unless someone already did; false when it was not blocked or was approved.</summary>
    public async Task<bool> TryApproveAsync(Guid runId, string approvedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var changed = await db.Runs
            .Where(r => r.Id == runId && r.Status == SyncRunStatus.Blocked && r.ApprovedAt == null)
            .ExecuteUpdateAsync(
                set => set.SetProperty(r => r.ApprovedBy, approvedBy).SetProperty(r => r.ApprovedAt, at),
                cancellationToken);
        return changed == 1;
    }

    /// <summary>Takes an approval back when the run it would have started could not be admitted.</summary>
    public async Task WithdrawApprovalAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Runs
            .Where(r => r.Id == runId)
            .ExecuteUpdateAsync(
                set => set.SetProperty(r => r.ApprovedBy, (string?)null).SetProperty(r => r.ApprovedAt, (DateTimeOffset?)null),
                cancellationToken);
    }

    public async Task AddAsync(SyncRun run, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Saves the run's own columns (status, counts, message); items are added separately.</summary>
    public async Task SaveAsync(SyncRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = run.Items;
        run.Items = [];
        try
        {
            db.Runs.Update(run);
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            run.Items = items;
        }
    }

    /// <summary>Saves only the progress count of a running run; cheap enough to call every few seconds.</summary>
    public async Task SaveProgressAsync(Guid runId, int done, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Runs
            .Where(r => r.Id == runId && r.Status == SyncRunStatus.Running)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Done, done), cancellationToken);
    }

    public async Task AddItemsAsync(IReadOnlyCollection<SyncRunItem> items, CancellationToken cancellationToken)
    {
        if (items.Count == 0)
        {
            return;
        }

        // One transaction as before, but the change tracker only ever holds one chunk: tracking 50k items at once
        // cost hundreds of megabytes for entries that are never read again.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var chunk in items.Chunk(ItemsPerSave))
        {
            db.RunItems.AddRange(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
