namespace HiBobAdmin.Sandbox;

/// <summary>Which emulated vendor a request is for; it decides the error body shape.</summary>
internal enum SandboxApi
{
    HiBob,
    Port,
}
