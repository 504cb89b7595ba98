using HiBobAdmin.Matching;
using Microsoft.AspNetCore.Components;

namespace HiBobAdmin.Components.Pages.Review;

/// <summary>One review queue: its rows with their reason and fix, and "Reconcile all" where a fix is safe.</summary>
public sealed partial class ReviewQueuePanel
{
    /// <summary>The queue shown.</summary>
    [Parameter, EditorRequired]
    public ReviewQueue Queue { get; set; }

    /// <summary>The queue's rows.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<PersonRow> Rows { get; set; } = [];

    /// <summary>What reconciling this queue would write, from the snapshot's plan.</summary>
    [Parameter, EditorRequired]
    public QueueChanges Changes { get; set; } = null!;

    /// <summary>In sandbox mode the vendors' web apps hold nobody from here, so their links are disabled.</summary>
    [Parameter]
    public bool IsSandbox { get; set; }

    /// <summary>The Port API host in use, from which the web app's address is derived.</summary>
    [Parameter]
    public string PortHost { get; set; } = "api.port.io";

    /// <summary>True while a launch is in flight.</summary>
    [Parameter]
    public bool Busy { get; set; }

    /// <summary>Asks for a single-user sync of the given email or HiBob id.</summary>
    [Parameter]
    public EventCallback<string> OnSync { get; set; }

    /// <summary>Asks to reconcile the whole queue (the page confirms first).</summary>
    [Parameter]
    public EventCallback OnReconcileAll { get; set; }

    /// <summary>Asks to disable one leaver's Port account (the page confirms first).</summary>
    [Parameter]
    public EventCallback<PersonRow> OnDisable { get; set; }

    /// <summary>Asks to disable every leaver's Port account in this queue (the page confirms first).</summary>
    [Parameter]
    public EventCallback OnDisableAll { get; set; }

    // A sync never disables an account, so leavers are fixed by "Disable in Port" instead of "Reconcile all".
    private bool CanReconcile => Queue != ReviewQueue.LeaversWithAccess;

    private string Note => Queue switch
    {
        ReviewQueue.UnmatchedEmployees =>
            "Employees with a usable email are linked (or get a Port user) by a sync. "
            + "Duplicate, missing and unmappable emails have to be fixed in HiBob first.",
        ReviewQueue.PortUsersWithoutEmployee =>
            "No HiBob employee has these emails. Nothing is written for them: check in HiBob whether the person "
            + "uses another email, or remove the user in Port.",
        ReviewQueue.DisabledAndStagedAccounts =>
            "Port accounts that are Disabled or Staged, including users the sync created (Port sends no invitation).",
        ReviewQueue.LeaversWithAccess =>
            "Leavers in HiBob whose Port account is still Active or Invited. \"Disable in Port\" sets the account to "
            + "Disabled (never deletes it); \"Sync\" refreshes a leaver's state.",
        _ => "",
    };

    /// <summary>
    /// What a single-user sync is started with: the email of an employee HiBob and Port can link, or the HiBob id
    /// of a leaver (to refresh its state); null when a sync cannot fix the row.
    /// </summary>
    internal string? SyncSubject(PersonRow row) => row switch
    {
        { Status: LinkStatus.HiBobOnly, Employee: { } employee } when Queue == ReviewQueue.UnmatchedEmployees =>
            EmailAddress.Clean(employee.Email) ?? employee.Id,
        { Status: LinkStatus.Leaver, Employee: { } employee } when Queue == ReviewQueue.LeaversWithAccess =>
            employee.Id,
        _ => null,
    };
}
