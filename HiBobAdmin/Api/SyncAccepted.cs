namespace HiBobAdmin.Api;

/// <summary>The 202 answer to a sync request: the queued run and where to follow it.</summary>
public sealed record SyncAccepted(Guid RunId, string Status, string Message);
