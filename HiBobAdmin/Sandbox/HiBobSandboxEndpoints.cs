using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HiBobAdmin.Sandbox;

/// <summary>The emulated HiBob routes (relative to <c>/sandbox/hibob</c>).</summary>
internal static class HiBobSandboxEndpoints
{
    // HiBob publishes no body cap; this one only keeps a runaway client from exhausting memory.
    private const long BodyLimitBytes = 8 * 1024 * 1024;
    private const int FlushThresholdBytes = 64 * 1024;

    public static void Map(IEndpointRouteBuilder group)
    {
        group.MapPost("/v1/people/search", SearchAsync);
        group.MapPost("/v1/people/{identifier}", ReadOneAsync);
        group.MapGet("/v1/company/people/fields", Fields);
        group.MapGet("/v1/company/named-lists/{listName}", NamedList);

        // Answered (and audited) here rather than left to the app's routing, so a test sees unexpected calls.
        group.Map("/{**path}", (HttpContext http) => SandboxPipeline.HiBobError(
            StatusCodes.Status404NotFound,
            "not_found",
            $"The sandbox has no route {http.Request.Method} {http.Request.Path}."));
    }

    private static async Task<IResult> SearchAsync(HttpContext http, SandboxState state)
    {
        var window = state.ConsumeSearch((string)http.Items[SandboxPipeline.CredentialItem]!);
        var headers = http.Response.Headers;
        headers["X-RateLimit-Limit"] = Invariant(window.Limit);
        headers["X-RateLimit-Remaining"] = Invariant(window.Remaining);
        headers["X-RateLimit-Reset"] = Invariant(window.ResetEpochSeconds);
        if (!window.Allowed)
        {
            return SandboxPipeline.HiBobError(
                StatusCodes.Status429TooManyRequests,
                "too_many_requests",
                $"People search allows {window.Limit} requests per minute.");
        }

        var (request, refusal) = await ReadRequestAsync(http, allowFilters: true);
        if (refusal is not null)
        {
            return refusal;
        }

        var (employees, verbatim, hidden) = state.ReadHiBob(
            people => (people.Snapshot(), people.Verbatim.ToArray(), people.HiddenFields.ToArray()));
        var writer = new HiBobEmployeeWriter(request!.Fields, hidden, request.HumanReadable);
        return new JsonStreamResult(StatusCodes.Status200OK, async (json, cancellationToken) =>
        {
            json.WriteStartObject();
            json.WriteStartArray("employees");
            foreach (var employee in employees)
            {
                if (!request.Matches(employee))
                {
                    continue;
                }

                writer.Write(json, employee);
                if (json.BytesPending > FlushThresholdBytes)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }

            // Verbatim records have no key a filter could match; a filtered search leaves them out.
            foreach (var record in request.FilterValues is null ? verbatim : [])
            {
                json.WriteRawValue(record.GetRawText(), skipInputValidation: true);
                if (json.BytesPending > FlushThresholdBytes)
                {
                    await json.FlushAsync(cancellationToken);
                }
            }

            json.WriteEndArray();
            json.WriteEndObject();
        });
    }

    private static async Task<IResult> ReadOneAsync(string identifier, HttpContext http, SandboxState state)
    {
        var (request, refusal) = await ReadRequestAsync(http, allowFilters: false);
        if (refusal is not null)
        {
            return refusal;
        }

        var (employee, hidden) = state.ReadHiBob(
            people => (people.FindByIdOrEmail(identifier), people.HiddenFields.ToArray()));
        if (employee is null)
        {
            return SandboxPipeline.HiBobError(
                StatusCodes.Status404NotFound,
                "not_found",
                $"No employee with id or email {identifier}.");
        }

        var writer = new HiBobEmployeeWriter(request!.Fields, hidden, request.HumanReadable);
        return new JsonStreamResult(StatusCodes.Status200OK, (json, _) =>
        {
            writer.Write(json, employee);
            return ValueTask.CompletedTask;
        });
    }

    private static IResult Fields()
    {
        var fields = new JsonArray();
        foreach (var field in HiBobFieldCatalog.Fields)
        {
            var category = HiBobFieldCatalog.CategoryNames[field.CategoryId];
            var metadata = new JsonObject
            {
                ["id"] = field.Id,
                ["categoryId"] = field.CategoryId,
                ["categoryDisplayName"] = category,
                ["category"] = field.CategoryId,
                ["name"] = field.Name,
                ["description"] = field.Name,
                ["jsonPath"] = field.JsonPath,
                ["type"] = field.Type,
                ["historical"] = false,
            };
            if (field.ListName is not null)
            {
                metadata["typeData"] = new JsonObject { ["listId"] = field.ListName };
            }

            fields.Add(metadata);
        }

        return Results.Json(fields);
    }

    private static IResult NamedList(string listName)
    {
        if (!HiBobFieldCatalog.Lists.TryGetValue(listName, out var items))
        {
            return SandboxPipeline.HiBobError(StatusCodes.Status404NotFound, "not_found", $"No list named {listName}.");
        }

        var list = new JsonObject
        {
            ["name"] = listName,
            ["items"] = new JsonArray([.. items.Select(item => (JsonNode)new JsonObject
            {
                ["id"] = long.Parse(item.Id, CultureInfo.InvariantCulture),
                ["value"] = item.Name,
                ["name"] = item.Name,
                ["archived"] = false,
                ["children"] = new JsonArray(),
            })]),
        };
        return Results.Json(list);
    }

    private static async Task<(HiBobSearchRequest? Request, IResult? Refusal)> ReadRequestAsync(
        HttpContext http,
        bool allowFilters)
    {
        var body = await SandboxBody.ReadAsync(http.Request, BodyLimitBytes, http.RequestAborted);
        if (body is null)
        {
            return (null, SandboxPipeline.HiBobError(
                StatusCodes.Status413PayloadTooLarge,
                "payload_too_large",
                "The request body is too large."));
        }

        var node = SandboxBody.Parse(body, out var parseError);
        var request = parseError is null ? HiBobSearchRequest.Parse(node, allowFilters, out parseError) : null;
        return request is null
            ? (null, SandboxPipeline.HiBobError(StatusCodes.Status400BadRequest, "bad_request", parseError!))
            : (request, null);
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
