namespace HiBobAdmin.Sandbox;

/// <summary>HiBob's <c>humanReadable</c> request option.</summary>
internal enum HiBobHumanReadable
{
    /// <summary>Absent, empty or unknown: machine values only.</summary>
    None,

    /// <summary>Machine values plus a <c>humanReadable</c> object with display values.</summary>
    Append,

    /// <summary>Display values only, in the nested form.</summary>
    Replace,
}
