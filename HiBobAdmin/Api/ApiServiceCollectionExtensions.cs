using HiBobAdmin.Api.Webhooks;
using HiBobAdmin.Security;
using HiBobAdmin.Security.ApiKeys;
using HiBobAdmin.Security.Webhooks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace HiBobAdmin.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// The REST API and webhook receivers: the API key scheme (not the default scheme; API endpoints name it), the
    /// role policies, ProblemDetails, the OpenAPI document, signature verifiers and the HiBob event coalescer.
    /// </summary>
    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, configureOptions: null);
        services.AddAuthorizationBuilder().AddHiBobAdminPolicies();
        services.AddProblemDetails();

        services.AddOpenApi(ApiEndpointRouteBuilderExtensions.DocumentName, openApi =>
        {
            openApi.ShouldInclude = description =>
                description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            openApi.AddDocumentTransformer<ApiKeySecurityTransformer>();
            openApi.AddOperationTransformer<PeopleParametersTransformer>();
        });

        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<HiBobWebhookOptions>().BindConfiguration(HiBobWebhookOptions.SectionName);
        services.AddSingleton<PortSignatureVerifier>();
        services.AddSingleton<HiBobSignatureVerifier>();
        services.AddSingleton<HiBobEventCoalescer>();
        return services;
    }
}
