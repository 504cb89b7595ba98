using HiBobAdmin.Matching;

namespace HiBobAdmin.Sync;

/// <summary>
/// What Port holds once a run's writes are done, worked out from what was read before them and the writes Port
/// accepted, so a run does not read every Port page a second time (docs/decisions/0051-port-state-after-writes.md).
/// A write Port refused leaves its entity or user as it was read.
/// </summary>
public sealed class PortAfterWrites
{
    private readonly List<HibobUserWrite> _entities = [];
    private readonly List<UserLinkWrite> _links = [];
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    /// <summary>Port users this run created, by identifier; their status is Port's to assign, so they are read back.</summary>
    public IReadOnlyList<string> CreatedUsers => [.. _links.Where(l => l.Kind == UserLinkKind.CreateAndLink).Select(l => l.PortUserIdentifier)];

    public void Accepted(HibobUserWrite write) => _entities.Add(write);

    public void Accepted(UserLinkWrite write) => _links.Add(write);

    public void Removed(string identifier) => _removed.Add(identifier);

    /// <summary>
    /// <paramref name="before"/> with the accepted writes laid over its Port sides, in the order they were read and
    /// new ones after. <paramref name="created"/> are the created users as Port returned them; one it did not return
    /// yet is shown as written, without a status.
    /// </summary>
    public SyncState ApplyTo(SyncState before, IReadOnlyList<PortUser> created, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(created);
        return before with
        {
            HibobUsers = Entities(before.HibobUsers),
            PortUsers = Users(before.PortUsers, created),
            ReadAt = now,
        };
    }

    private List<HibobUserEntity> Entities(IReadOnlyList<HibobUserEntity> read)
    {
        var written = new Dictionary<string, HibobUserWrite>(_entities.Count, StringComparer.Ordinal);
        foreach (var write in _entities)
        {
            written[write.Entity.Identifier] = write;
        }

        var result = new List<HibobUserEntity>(read.Count + written.Count);
        foreach (var entity in read)
        {
            if (_removed.Contains(entity.Identifier))
            {
                continue;
            }

            result.Add(written.Remove(entity.Identifier, out var write) ? Merge(entity, write) : entity);
        }

        result.AddRange(written.Values.Select(w => Merge(existing: null, w)));
        return result;
    }

    /// <summary>
    /// A bulk upsert merges: a state-only write changes the state and nothing else, a full write replaces every
    /// property, and a write without a title keeps the title Port had.
    /// </summary>
    private static HibobUserEntity Merge(HibobUserEntity? existing, HibobUserWrite write)
    {
        var sent = write.Entity;
        if (write.Kind == HibobUserWriteKind.StateOnly)
        {
            return existing is null ? sent : existing with { Properties = existing.Properties with { State = sent.Properties.State } };
        }

        return sent.Title is null ? sent with { Title = existing?.Title } : sent;
    }

    private List<PortUser> Users(IReadOnlyList<PortUser> read, IReadOnlyList<PortUser> created)
    {
        var relations = new Dictionary<string, string>(_links.Count, StringComparer.Ordinal);
        foreach (var link in _links)
        {
            relations[link.PortUserIdentifier] = link.EmployeeId;
        }

        var result = new List<PortUser>(read.Count + created.Count);
        foreach (var user in read)
        {
            result.Add(relations.Remove(user.Identifier, out var employeeId) ? user with { LinkedEmployeeId = employeeId } : user);
        }

        var returned = created.ToDictionary(u => u.Identifier, StringComparer.Ordinal);
        foreach (var (identifier, employeeId) in relations)
        {
            result.Add(returned.GetValueOrDefault(identifier)
                ?? new PortUser(identifier, Title: null, Status: null, PortType: null, LinkedEmployeeId: employeeId));
        }

        return result;
    }
}
