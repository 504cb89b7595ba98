namespace HiBobAdmin.Matching;

/// <summary>
/// Matches employees to Port users by normalised email, gives every person a link status and plans the writes that
/// bring Port in step (DESIGN.md, "Link status"). Pure and deterministic: the same input gives the same result,
/// and reconciling the state that results from applying a plan gives a plan without writes.
/// </summary>
public static class Reconciler
{
    /// <summary>
    /// One row per employee and per Port user without an employee (service accounts get none), ordered by status,
    /// name and id; row statuses describe the state before the plan is applied.
    /// </summary>
    public static Reconciliation Reconcile(ReconcileInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return new ReconcileRun(input).Run();
    }
}
