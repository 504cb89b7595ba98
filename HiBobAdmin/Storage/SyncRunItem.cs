namespace HiBobAdmin.Storage;

/// <summary>What a run did, or did not do, for one employee or Port user.</summary>
public sealed class SyncRunItem
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    /// <summary>The HiBob employee id, or the Port user's email for a <c>_user</c> write.</summary>
    public string Subject { get; set; } = "";

    /// <summary>A name to show beside the subject.</summary>
    public string? Name { get; set; }

    public SyncItemAction Action { get; set; }

    public SyncItemOutcome Outcome { get; set; }

    /// <summary>The reason it was skipped, or the vendor's message for a failure.</summary>
    public string? Message { get; set; }
}
