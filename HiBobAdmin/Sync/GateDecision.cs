namespace HiBobAdmin.Sync;

/// <summary>What <see cref="SyncGate"/> decided for one run before it writes.</summary>
/// <param name="BlockReason">Why the run may not write, in one sentence; null when it may.</param>
/// <param name="Note">What became of the preview or approval the run is based on; null when it has none.</param>
public sealed record GateDecision(string? BlockReason, string? Note);
