using HiBobAdmin.Audit;
using HiBobAdmin.Matching;
using HiBobAdmin.Storage;
using Microsoft.EntityFrameworkCore;

namespace HiBobAdmin.Decisions;

/// <summary>
/// Keeps the admins' manual links and ignore entries: every change is audited with who made it, and the sync reads
/// them back as <see cref="ManualDecisions"/> for the reconciler.
/// </summary>
public sealed class ManualDecisionStore(
    IDbContextFactory<HiBobAdminDbContext> contexts,
    AuditLog audit,
    TimeProvider time)
{
    public const int MaxReasonLength = 500;

    /// <summary>Every decision, with the current time that ignore entries expire against.</summary>
    public async Task<ManualDecisions> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.Set<StoredManualLink>().AsNoTracking().ToListAsync(cancellationToken);
        var ignores = await db.Set<StoredIgnoreEntry>().AsNoTracking().ToListAsync(cancellationToken);
        return new ManualDecisions(
            [.. links.Select(l => new ManualLink(l.EmployeeId, l.PortUserIdentifier, l.CreatedBy, l.CreatedAt))],
            [.. ignores.Select(i => new IgnoreEntry(i.PortUserIdentifier, i.Reason, i.ExpiresAt, i.CreatedBy, i.CreatedAt))],
            time.GetUtcNow());
    }

    public async Task<IReadOnlyList<StoredManualLink>> ListLinksAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.Set<StoredManualLink>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. links.OrderBy(l => l.EmployeeName, StringComparer.OrdinalIgnoreCase).ThenBy(l => l.Id)];
    }

    public async Task<IReadOnlyList<StoredIgnoreEntry>> ListIgnoresAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = await db.Set<StoredIgnoreEntry>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. entries.OrderBy(e => e.PortUserIdentifier, StringComparer.Ordinal)];
    }

    /// <summary>Links the employee to the Port user on every later sync; refused when either already has a link.</summary>
    public async Task<DecisionResult> LinkAsync(
        Employee employee,
        string portUserIdentifier,
        string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(employee);
        if (string.IsNullOrWhiteSpace(portUserIdentifier))
        {
            return DecisionResult.Refused("Choose the Port user to link.");
        }

        var identifier = portUserIdentifier.Trim();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = db.Set<StoredManualLink>();
        if (await links.AsNoTracking().FirstOrDefaultAsync(l => l.EmployeeId == employee.Id, cancellationToken) is { } own)
        {
            return DecisionResult.Refused(
                $"{employee.Name} is already linked manually to {own.PortUserIdentifier}; undo that link first.");
        }

        if (await links.AsNoTracking().FirstOrDefaultAsync(l => l.PortUserIdentifier == identifier, cancellationToken)
            is { } taken)
        {
            return DecisionResult.Refused(
                $"{identifier} is already linked manually to {taken.EmployeeName}; undo that link first.");
        }

        links.Add(new StoredManualLink
        {
            EmployeeId = employee.Id,
            EmployeeName = employee.Name,
            PortUserIdentifier = identifier,
            CreatedBy = actor,
            CreatedAt = time.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        var message = $"Linked {employee.Name} ({employee.Id}) to the Port user {identifier}.";
        await audit.RecordAsync(actor, AuditAction.OverrideCreated, employee.Id, message, cancellationToken);
        return DecisionResult.Done(message + " The next sync sets the relation.");
    }

    public async Task<DecisionResult> RemoveLinkAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var link = await db.Set<StoredManualLink>().FindAsync([id], cancellationToken);
        if (link is null)
        {
            return DecisionResult.Refused("That manual link was already undone.");
        }

        db.Remove(link);
        await db.SaveChangesAsync(cancellationToken);
        var message = $"Undid the manual link of {link.EmployeeName} ({link.EmployeeId}) to {link.PortUserIdentifier}.";
        await audit.RecordAsync(actor, AuditAction.OverrideRemoved, link.EmployeeId, message, cancellationToken);
        return DecisionResult.Done(message + " The next sync matches by email again; the relation is left as it is.");
    }

    /// <summary>Marks a Port user as expected until the given moment; refused without a reason or a future expiry.</summary>
    public async Task<DecisionResult> IgnoreAsync(
        string portUserIdentifier,
        string? reason,
        DateTimeOffset expiresAt,
        string actor,
        CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(portUserIdentifier);
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why))
        {
            return DecisionResult.Refused("Say why this Port user is expected (contractor, service account, test).");
        }

        if (why.Length > MaxReasonLength)
        {
            return DecisionResult.Refused($"The reason is longer than {MaxReasonLength} characters.");
        }

        var now = time.GetUtcNow();
        if (expiresAt <= now)
        {
            return DecisionResult.Refused("The expiry date must be in the future.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entries = db.Set<StoredIgnoreEntry>();
        var entry = await entries.FirstOrDefaultAsync(e => e.PortUserIdentifier == portUserIdentifier, cancellationToken);
        if (entry is null)
        {
            entry = new StoredIgnoreEntry { PortUserIdentifier = portUserIdentifier };
            entries.Add(entry);
        }

        // An expired entry is renewed in place: one row per Port user.
        entry.Reason = why;
        entry.ExpiresAt = expiresAt;
        entry.CreatedBy = actor;
        entry.CreatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        var message = $"Marked {portUserIdentifier} as expected until {PersonReasons.Day(expiresAt)}: {why}.";
        await audit.RecordAsync(actor, AuditAction.IgnoreCreated, portUserIdentifier, message, cancellationToken);
        return DecisionResult.Done(message);
    }

    public async Task<DecisionResult> RemoveIgnoreAsync(int id, string actor, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var entry = await db.Set<StoredIgnoreEntry>().FindAsync([id], cancellationToken);
        if (entry is null)
        {
            return DecisionResult.Refused("That entry was already removed.");
        }

        db.Remove(entry);
        await db.SaveChangesAsync(cancellationToken);
        var message = $"{entry.PortUserIdentifier} is no longer marked as expected; it returns to the review queue.";
        await audit.RecordAsync(actor, AuditAction.IgnoreRemoved, entry.PortUserIdentifier, message, cancellationToken);
        return DecisionResult.Done(message);
    }
}
