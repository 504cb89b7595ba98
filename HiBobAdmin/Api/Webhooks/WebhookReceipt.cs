namespace HiBobAdmin.Api.Webhooks;

/// <summary>What a webhook sender is told: the outcome and the run, never anything it did not send.</summary>
/// <param name="Status"><c>queued</c>, <c>coalesced</c>, <c>ignored</c>, <c>duplicate</c> or <c>pong</c>.</param>
/// <param name="RunId">The run that covers the event, when one does.</param>
/// <param name="Detail">One sentence for whoever reads the delivery log.</param>
public sealed record WebhookReceipt(string Status, Guid? RunId, string Detail);
