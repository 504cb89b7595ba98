using HiBobAdmin.Security.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HiBobAdmin.Api.Webhooks;

/// <summary>ProblemDetails for refused deliveries; they name the header or key at fault, never a secret.</summary>
public static class WebhookProblems
{
    public static IResult TooLarge(int maxBytes) =>
        TypedResults.Problem(
            detail: $"The body is larger than {maxBytes} bytes.",
            statusCode: StatusCodes.Status413PayloadTooLarge,
            title: "Payload too large");

    public static IResult Malformed(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Unexpected payload");

    public static IResult Refused(SignatureCheck check, string signatureHeader, string secretKey) => check switch
    {
        SignatureCheck.NotConfigured => TypedResults.Problem(
            detail: $"Set {secretKey} to receive these webhooks.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Webhook not configured"),
        SignatureCheck.Missing => Unauthorized($"The {signatureHeader} header is missing.", "Signature missing"),
        SignatureCheck.Stale => Unauthorized("The delivery's timestamp is outside the accepted window.", "Delivery too old"),
        SignatureCheck.Replayed => Unauthorized("This delivery was already received.", "Delivery replayed"),
        _ => Unauthorized($"The {signatureHeader} header does not match the body.", "Signature invalid"),
    };

    private static ProblemHttpResult Unauthorized(string detail, string title) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status401Unauthorized, title: title);
}
