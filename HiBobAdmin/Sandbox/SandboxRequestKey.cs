namespace HiBobAdmin.Sandbox;

/// <summary>
/// One row of the sandbox's request audit: the method, the route template as mapped (for example
/// <c>/sandbox/port/v1/blueprints/{blueprint}/entities/bulk</c>) and the status code answered.
/// </summary>
public sealed record SandboxRequestKey(string Method, string Route, int StatusCode);
