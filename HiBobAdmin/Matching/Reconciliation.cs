namespace HiBobAdmin.Matching;

/// <summary>The result of reconciling both sides: one row per person and the plan that brings Port in step.</summary>
public sealed record Reconciliation(IReadOnlyList<PersonRow> People, SyncPlan Plan);
