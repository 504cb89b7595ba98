namespace HiBobAdmin.Api;

/// <summary>The ProblemDetails answers the API gives, in one place so each error reads the same everywhere.</summary>
public static class ApiProblems
{
    /// <summary>The extension member that names the run a 409 is about.</summary>
    public const string RunIdKey = "runId";

    public static IResult SyncAlreadyRunning(Guid? runId, string message) =>
        TypedResults.Problem(
            detail: message,
            statusCode: StatusCodes.Status409Conflict,
            title: "A sync is already running",
            extensions: new Dictionary<string, object?> { [RunIdKey] = runId });

    public static IResult RunNotFound(string id) =>
        TypedResults.Problem(
            detail: $"No run has the id '{id}'.",
            statusCode: StatusCodes.Status404NotFound,
            title: "Run not found");

    public static IResult BothSidesUnreadable(string reason) =>
        TypedResults.Problem(
            detail: $"Could not read both sides: {reason}",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "HiBob or Port unavailable");

    public static IResult Invalid(string parameter, string message) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]> { [parameter] = [message] },
            detail: message,
            title: "Invalid request");
}
