using HiBobAdmin.Matching;

namespace HiBobAdmin.Components.Common;

/// <summary>DESIGN.md's words for each link status, used everywhere in the UI.</summary>
public static class LinkStatusText
{
    public static string Of(LinkStatus status) => status switch
    {
        LinkStatus.Matched => "Matched",
        LinkStatus.PendingLink => "Pending link",
        LinkStatus.HiBobOnly => "HiBob only",
        LinkStatus.PortOnly => "Port only",
        LinkStatus.DuplicateEmail => "Duplicate email",
        LinkStatus.NoEmail => "No email",
        LinkStatus.UnmappableEmail => "Unmappable email",
        LinkStatus.Leaver => "Leaver",
        LinkStatus.EmailChanged => "Email changed",
        LinkStatus.Expected => "Expected",
        LinkStatus.Protected => "Protected",
        _ => status.ToString(),
    };
}
