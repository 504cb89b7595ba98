using System.Globalization;
using HiBobAdmin.Audit;
using HiBobAdmin.Matching;
using HiBobAdmin.Port;
using HiBobAdmin.Sync;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Decisions;

/// <summary>
/// Disables the Port accounts of leavers who still have access, at an admin's explicit request. Only Port users the
/// last read lists in the leavers-with-access queue are touched; each is set to Disabled on its own (never deleted),
/// audited, and shown as Disabled at once. One failure does not stop the others. Port admins and the accounts on
/// Sync:ProtectedAccounts are refused here as the sync refuses them (docs/decisions/0011-protected-accounts.md):
/// whoever must lock one of those out does it in Port itself.
/// </summary>
public sealed class LeaverDisabler(
    IPortCatalog port,
    PeopleSnapshotStore snapshots,
    AuditLog audit,
    IOptions<SyncOptions> options)
{
    /// <summary>The Port identifiers of the leavers with access in the last read, in queue order.</summary>
    public IReadOnlyList<string> Candidates() =>
        snapshots.Current is { } current
            ? [.. ReviewQueues.Filter(current.People, ReviewQueue.LeaversWithAccess).Select(r => r.PortUser!.Identifier)]
            : [];

    public async Task<DisableResult> DisableAsync(
        IReadOnlyList<string> identifiers,
        string actor,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(identifiers);
        var candidates = new HashSet<string>(Candidates(), StringComparer.Ordinal);
        var refusals = Refusals();
        var disabled = new List<string>();
        var failed = new List<DisableFailure>();
        try
        {
            foreach (var identifier in identifiers.Distinct(StringComparer.Ordinal))
            {
                if (!candidates.Contains(identifier))
                {
                    failed.Add(new DisableFailure(
                        identifier,
                        "not a leaver with access in the last read; refresh and try again"));
                    continue;
                }

                if (refusals.TryGetValue(identifier, out var refusal))
                {
                    failed.Add(new DisableFailure(identifier, refusal));
                    continue;
                }

                var outcome = await port.DisableUserAsync(identifier, cancellationToken);
                if (!outcome.Succeeded)
                {
                    failed.Add(new DisableFailure(identifier, outcome.Message ?? "Port gave no reason"));
                    continue;
                }

                await audit.RecordAsync(
                    actor,
                    AuditAction.AccountDisabled,
                    identifier,
                    $"Set the Port user {identifier} to Disabled (a leaver in HiBob).",
                    cancellationToken);
                disabled.Add(identifier);
            }
        }
        finally
        {
            // Also after a failure that ends the request (Port refused the credentials): what was done shows.
            ShowDisabled(disabled);
        }

        return new DisableResult(disabled, failed);
    }

    // Why a leaver's account is not disabled here, by Port identifier: a Port admin or a protected account.
    private Dictionary<string, string> Refusals()
    {
        var listed = options.Value.ProtectedAccounts
            .Select(EmailAddress.Normalise)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        var refusals = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var user in snapshots.Current?.People.Select(r => r.PortUser).OfType<PortUser>() ?? [])
        {
            if (user.IsAdmin)
            {
                refusals[user.Identifier] = "a Port admin; disable it in Port itself";
            }
            else if (listed.Contains(EmailAddress.Normalise(user.Identifier) ?? user.Identifier))
            {
                refusals[user.Identifier] = "on the protected list (Sync:ProtectedAccounts); disable it in Port itself";
            }
        }

        return refusals;
    }

    // The rows change at once so the queue and the people view show the new status without a fresh read.
    private void ShowDisabled(List<string> identifiers)
    {
        if (identifiers.Count == 0 || snapshots.Current is not { } current)
        {
            return;
        }

        var done = new HashSet<string>(identifiers, StringComparer.Ordinal);
        var people = current.People
            .Select(row => row.PortUser is { } user && done.Contains(user.Identifier)
                ? row with { PortUser = user with { Status = PortCatalog.DisabledStatus } }
                : row)
            .ToList();
        snapshots.Replace(current with { People = people });
    }
}

/// <summary>What a disable request did: who is now Disabled and who is not, with the reason.</summary>
public sealed record DisableResult(IReadOnlyList<string> Disabled, IReadOnlyList<DisableFailure> Failed)
{
    public bool Succeeded => Failed.Count == 0;

    /// <summary>"3 disabled, 1 failed: a@x.com (Port 404: …)."</summary>
    public string Message
    {
        get
        {
            var text = string.Create(CultureInfo.InvariantCulture, $"{Disabled.Count} disabled");
            return Failed.Count == 0
                ? text + "."
                : text + string.Create(
                    CultureInfo.InvariantCulture,
                    $", {Failed.Count} failed: {string.Join("; ", Failed.Select(f => $"{f.Identifier} ({f.Message})"))}.");
        }
    }
}

/// <summary>One Port user that was not disabled, and why (Port's message when Port refused).</summary>
public sealed record DisableFailure(string Identifier, string Message);
