using HiBobAdmin.Storage;

namespace HiBobAdmin.Sync;

/// <summary>What the item list of one run is narrowed to; every part is optional.</summary>
/// <param name="Outcome">Only items with this outcome.</param>
/// <param name="Action">Only items with this action.</param>
/// <param name="Search">Part of the subject, name or message, compared ignoring case (ASCII letters).</param>
public sealed record RunItemCriteria(
    SyncItemOutcome? Outcome = null,
    SyncItemAction? Action = null,
    string? Search = null);
