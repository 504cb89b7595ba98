namespace HiBobAdmin.Matching;

/// <summary>What reconciling one review queue writes, taken from the plan of the next full sync.</summary>
/// <param name="Links">Port users whose missing relation is set.</param>
/// <param name="Relinks">Port users whose relation is moved to this employee.</param>
/// <param name="PortUserCreations">Port users created (without an invitation) and linked.</param>
/// <param name="EntityCreations"><c>hibob_user</c> entities created so that those links have a target.</param>
/// <param name="PlanWrites">Every write of the full plan, this queue's included.</param>
public sealed record QueueChanges(int Links, int Relinks, int PortUserCreations, int EntityCreations, int PlanWrites)
{
    /// <summary>The writes that belong to the queue.</summary>
    public int Total => Links + Relinks + PortUserCreations + EntityCreations;

    /// <summary>The writes of the full plan that do not belong to the queue.</summary>
    public int OtherWrites => Math.Max(0, PlanWrites - Total);
}
