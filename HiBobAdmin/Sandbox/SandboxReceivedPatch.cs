namespace HiBobAdmin.Sandbox;

/// <summary>
/// An entity PATCH the emulated Port received, kept so a test can prove what a partial update carried (and that it
/// carried nothing else).
/// </summary>
/// <param name="Path">The request path, e.g. <c>/sandbox/port/v1/blueprints/_user/entities/ann@example.com</c>.</param>
/// <param name="Body">The body as received, byte for byte (UTF-8).</param>
public sealed record SandboxReceivedPatch(string Path, string Body);
