using HiBobAdmin.Api.Webhooks;
using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace HiBobAdmin.Api;

public static class ApiEndpointRouteBuilderExtensions
{
    public const string DocumentName = "v1";

    // The server stops reading beyond this; WebhookOptions.MaxBodyBytes (at most the same) is checked while reading.
    private const long MaxWebhookBytes = 1024 * 1024;

    /// <summary>Maps <c>/api</c> (API key, role policies, rate limited), the webhooks and <c>/openapi/v1.json</c>.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api")
            .WithTags("Sync")
            .RequireRateLimiting(RateLimitPolicies.Api)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/status", StatusEndpoint.GetAsync)
            .WithName("GetStatus")
            .WithSummary("People per link status and the last run.")
            .RequireAuthorization(ApiPolicy(Policies.View))
            .Produces<ApiStatus>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        api.MapPost("/sync", SyncEndpoints.StartFullAsync)
            .WithName("StartFullSync")
            .WithSummary("Queue a full sync; 409 names the run already in progress.")
            .RequireAuthorization(ApiPolicy(Policies.Operate))
            .Produces<SyncAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/sync/users/{email}", SyncEndpoints.StartSingleUserAsync)
            .WithName("StartSingleUserSync")
            .WithSummary("Queue a sync of one person, by email or HiBob id; 409 names the run already in progress.")
            .RequireAuthorization(ApiPolicy(Policies.Operate))
            .Produces<SyncAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/runs/{id}", RunEndpoint.GetAsync)
            .WithName(RunEndpoint.RouteName)
            .WithSummary("One run: status, counts, message and timestamps.")
            .RequireAuthorization(ApiPolicy(Policies.View))
            .Produces<ApiRun>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/people", PeopleEndpoint.GetAsync)
            .WithName(PeopleEndpoint.OperationId)
            .WithSummary("One page of people, optionally of one link status.")
            .RequireAuthorization(ApiPolicy(Policies.View))
            .Produces<ApiPeoplePage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

        var webhooks = endpoints.MapGroup("/webhooks")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.Webhooks)
            .ExcludeFromDescription();
        webhooks.MapPost("/port", PortWebhookEndpoint.ReceiveAsync).WithMetadata(new RequestSizeLimitAttribute(MaxWebhookBytes));
        webhooks.MapPost("/hibob", HiBobWebhookEndpoint.ReceiveAsync).WithMetadata(new RequestSizeLimitAttribute(MaxWebhookBytes));

        // The document describes the API only; it holds no data, so it is open like any published API reference.
        endpoints.MapOpenApi().AllowAnonymous();
        return endpoints;
    }

    private static AuthorizeAttribute ApiPolicy(string policy) =>
        new(policy) { AuthenticationSchemes = ApiKeyDefaults.Scheme };
}
