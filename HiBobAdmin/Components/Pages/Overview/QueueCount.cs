using HiBobAdmin.Matching;

namespace HiBobAdmin.Components.Pages.Overview;

/// <summary>The size of one review queue.</summary>
public sealed record QueueCount(ReviewQueue Queue, int Count);
