namespace HiBobAdmin.Matching;

/// <summary>
/// How much of what already exists in Port a plan would undo: the input of the change-volume guard. Every
/// destructive kind of write is counted here, in <see cref="Of"/>, and nowhere else.
/// </summary>
/// <param name="Shares">One line per destructive kind of write, each against what it could touch.</param>
public sealed record ChangeVolume(IReadOnlyList<ChangeShare> Shares)
{
    /// <summary>
    /// Counts the plan's relinks against existing links, and its inactivations and stale-entity removals against
    /// existing entities.
    /// </summary>
    public static ChangeVolume Of(SyncPlan plan, ReconcileInput input)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);

        var links = input.PortUsers.Count(u => !string.IsNullOrWhiteSpace(u.LinkedEmployeeId));
        var entities = input.HibobUsers.Count;
        return new ChangeVolume(
        [
            new ChangeShare(
                "relink", plan.UserLinkWrites.Count(w => w.Kind == UserLinkKind.Relink), links, "linked Port users"),
            new ChangeShare(
                "mark inactive",
                plan.HibobUserWrites.Count(w => w.Kind == HibobUserWriteKind.StateOnly),
                entities,
                "hibob_user entities"),
            new ChangeShare("remove", plan.RemovalCount, entities, "hibob_user entities"),
        ]);
    }
}

/// <summary>One destructive kind of write: how many the plan holds out of how many exist.</summary>
/// <param name="Verb">What the writes do, as in "would relink 40 of 100 linked Port users".</param>
/// <param name="Count">Writes of this kind in the plan.</param>
/// <param name="Existing">How many things in Port such a write could touch.</param>
/// <param name="Noun">What <paramref name="Existing"/> counts.</param>
public sealed record ChangeShare(string Verb, int Count, int Existing, string Noun)
{
    /// <summary>True when <see cref="Count"/> is more than <paramref name="percent"/> percent of what exists.</summary>
    public bool Exceeds(int percent) => (long)Count * 100 > (long)Existing * percent;

    /// <summary>The share in whole percent, rounded down; 100 when nothing existed.</summary>
    public int Percent => Existing == 0 ? 100 : (int)((long)Count * 100 / Existing);
}
