namespace HiBobAdmin.Sandbox;

/// <summary>What the sandbox knows about a bearer token.</summary>
internal enum PortTokenCheck
{
    Unknown,
    Expired,
    Valid,
}
