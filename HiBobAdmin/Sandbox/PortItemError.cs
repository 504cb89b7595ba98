namespace HiBobAdmin.Sandbox;

/// <summary>Why Port refused one entity write (an item of a bulk call, or the whole single-entity call).</summary>
internal sealed record PortItemError(int StatusCode, string Error, string Message)
{
    public static PortItemError Invalid(string message) =>
        new(StatusCodes.Status422UnprocessableEntity, "invalid_request", message);

    public static PortItemError NotFound(string message) => new(StatusCodes.Status404NotFound, "not_found", message);

    public static PortItemError Conflict(string message) => new(StatusCodes.Status409Conflict, "conflict", message);
}
