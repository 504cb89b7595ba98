namespace HiBobAdmin.Matching;

/// <summary>The employees (by index) and the Port users that share one normalised email.</summary>
internal sealed class EmailSlot(string email)
{
    private List<PortUser>? _portUsers;
    private List<int>? _active;
    private List<int>? _inactive;

    public string Email { get; } = email;

    public IReadOnlyList<PortUser> PortUsers => _portUsers ?? (IReadOnlyList<PortUser>)[];

    public IReadOnlyList<int> ActiveEmployees => _active ?? (IReadOnlyList<int>)[];

    public IReadOnlyList<int> InactiveEmployees => _inactive ?? (IReadOnlyList<int>)[];

    public int ActiveCount => _active?.Count ?? 0;

    /// <summary>A Port service account has this email: nothing may create or link a user for it.</summary>
    public bool HasServiceAccount { get; set; }

    /// <summary>A Port user of this email is linked manually to another employee: nothing may create a twin.</summary>
    public bool HasManualLink { get; set; }

    /// <summary>The active employee ids as a phrase ("1012 and 1013"), kept once two or more share the email.</summary>
    public string? DuplicateIds { get; set; }

    public void AddPortUser(PortUser portUser) => (_portUsers ??= []).Add(portUser);

    public void AddEmployee(int index, bool active)
    {
        if (active)
        {
            (_active ??= []).Add(index);
        }
        else
        {
            (_inactive ??= []).Add(index);
        }
    }

    /// <summary>
    /// The Port user that stands for this email when Port holds case variants of it: the one already linked to the
    /// owner, else the one spelled exactly like the normalised email, else the first in ordinal order.
    /// </summary>
    public PortUser? ChoosePortUser(string? ownerId)
    {
        if (_portUsers is null)
        {
            return null;
        }

        PortUser? best = null;
        var bestRank = int.MaxValue;
        foreach (var candidate in _portUsers)
        {
            var linkedToOwner = ownerId is not null
                && string.Equals(candidate.LinkedEmployeeId, ownerId, StringComparison.Ordinal);
            var rank = linkedToOwner ? 0 : string.Equals(candidate.Identifier, Email, StringComparison.Ordinal) ? 1 : 2;
            if (rank < bestRank
                || (rank == bestRank && string.CompareOrdinal(candidate.Identifier, best!.Identifier) < 0))
            {
                best = candidate;
                bestRank = rank;
            }
        }

        return best;
    }
}
