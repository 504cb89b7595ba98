using System.Text.Json.Nodes;
using HiBobAdmin.Matching;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace HiBobAdmin.Api;

/// <summary>
/// Describes <c>/api/people</c>'s query parameters as what they accept: they are bound as text (so a bad value gets
/// our 400 rather than a binding error), which alone would document them as free strings.
/// </summary>
internal sealed class PeopleParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId != PeopleEndpoint.OperationId || operation.Parameters is null)
        {
            return Task.CompletedTask;
        }

        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            switch (parameter.Name)
            {
                case "status":
                    parameter.Description = "Only people with this link status (case-insensitive).";
                    parameter.Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.String,
                        Enum = [.. Enum.GetNames<LinkStatus>().Select(n => (JsonNode)JsonValue.Create(n))],
                    };
                    break;
                case "page":
                    parameter.Description = "Page number, from 1.";
                    parameter.Schema = Integer(1, PeopleEndpoint.MaxPage, 1);
                    break;
                case "pageSize":
                    parameter.Description = "People per page.";
                    parameter.Schema = Integer(1, PeopleEndpoint.MaxPageSize, PeopleEndpoint.DefaultPageSize);
                    break;
                default:
                    break;
            }
        }

        return Task.CompletedTask;
    }

    private static OpenApiSchema Integer(int minimum, int maximum, int fallback) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = JsonValue.Create(fallback),
    };
}
