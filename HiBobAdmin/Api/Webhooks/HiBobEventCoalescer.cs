using HiBobAdmin.Security.Webhooks;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>
/// Turns a burst of HiBob events for one employee (Bob fires joined, activated and updated together at midnight)
/// into one single-user sync: the first event queues it, the others within the window are covered by it
/// (decision 0034). In memory, per instance.
/// </summary>
// TODO: an event inside the window that arrives after the queued sync has read HiBob is only picked up by a later
// event or the scheduled full sync; a trailing sync at the window's end (decision 0034) would close the gap.
public sealed class HiBobEventCoalescer(IOptionsMonitor<WebhookOptions> options, TimeProvider time)
{
    private readonly ReplayCache _recent = new(time);

    /// <summary>True when this event should queue a sync; false when one was queued for the employee moments ago.</summary>
    public bool TryBegin(string employeeId) =>
        _recent.TryRemember(employeeId, options.CurrentValue.HiBobCoalesceWindow);

    /// <summary>Forgets an employee whose sync could not be queued, so the next event tries again.</summary>
    public void Abandon(string employeeId) => _recent.Forget(employeeId);
}
