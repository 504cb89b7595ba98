using System.Net;
using System.Text;
using System.Text.Json;
using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;
using Polly.Timeout;
using Refit;

namespace HiBobAdmin.HiBob;

/// <summary>
/// Reads employees through <see cref="IHiBobApi"/> in machine format and checks that HiBob returned what was asked
/// for. Every failure leaves as a <see cref="VendorApiException"/> whose message is fit for the UI.
/// </summary>
public sealed class HiBobDirectory(IHiBobApi api, ILogger<HiBobDirectory> logger) : IHiBobDirectory
{
    private const string SearchCall = "POST /v1/people/search";
    private const string ReadCall = "POST /v1/people/{identifier}";
    private const string FieldsCall = "GET /v1/company/people/fields";

    public async Task<EmployeeReadResult> ReadAllAsync(CancellationToken cancellationToken)
    {
        var request = new PeopleSearchRequest(HiBobFields.Requested, ShowInactive: true, Filters: null);
        var reply = await SendAsync(SearchCall, ct => api.SearchAsync(request, ct), cancellationToken);
        if (!reply.IsSuccess)
        {
            throw Fail(SearchCall, reply);
        }

        using var document = Parse(SearchCall, reply);
        if (document.RootElement.ValueKind != JsonValueKind.Object
            || !document.RootElement.TryGetProperty("employees", out var list)
            || list.ValueKind != JsonValueKind.Array)
        {
            throw new VendorApiException(HiBobErrors.Vendor, reply.StatusCode, HiBobMessages.NoEmployeesList);
        }

        return ReadChecked(SearchCall, [.. list.EnumerateArray()]);
    }

    public async Task<EmployeeReadResult> ReadOneAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identifier);

        var request = new PeopleReadRequest(HiBobFields.Requested);
        var reply = await SendAsync(ReadCall, ct => api.ReadAsync(identifier.Trim(), request, ct), cancellationToken);
        if (reply.StatusCode == (int)HttpStatusCode.NotFound)
        {
            return new EmployeeReadResult([], []);
        }

        if (!reply.IsSuccess)
        {
            throw Fail(ReadCall, reply);
        }

        using var document = Parse(ReadCall, reply);
        var root = document.RootElement;

        // The docs disagree: the reference schema wraps the employee in "employees", clients see a bare object.
        IReadOnlyList<JsonElement> employees = root.ValueKind switch
        {
            JsonValueKind.Object when root.TryGetProperty("employees", out var list)
                && list.ValueKind == JsonValueKind.Array => [.. list.EnumerateArray()],
            JsonValueKind.Array => [.. root.EnumerateArray()],
            _ => [root],
        };
        return ReadChecked(ReadCall, employees);
    }

    public async Task<ConnectionCheck> CheckConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reply = await SendAsync(FieldsCall, api.GetFieldsAsync, cancellationToken);
            if (!reply.IsSuccess)
            {
                return new ConnectionCheck(false, FieldsCall, Fail(FieldsCall, reply).Message);
            }

            using var document = Parse(FieldsCall, reply);
            var root = document.RootElement;
            var count = root.ValueKind == JsonValueKind.Array
                ? root.GetArrayLength()
                : root.ValueKind == JsonValueKind.Object
                    && root.TryGetProperty("fields", out var fields)
                    && fields.ValueKind == JsonValueKind.Array
                        ? fields.GetArrayLength()
                        : (int?)null;
            var message = count is { } visible
                ? $"HiBob accepted the service user; {visible} fields visible"
                : "HiBob accepted the service user";
            return new ConnectionCheck(true, FieldsCall, message);
        }
        catch (VendorApiException ex)
        {
            return new ConnectionCheck(false, FieldsCall, ex.Message);
        }
    }

    private EmployeeReadResult ReadChecked(string call, IReadOnlyList<JsonElement> employees)
    {
        // HiBob drops fields the service user may not see and still answers 200; writing from such a read would
        // blank those properties in Port, so the run stops here, before any write.
        var missing = HiBobEmployeeReader.FieldsMissingFromAll(employees, HiBobFields.Requested);
        if (missing.Count > 0)
        {
            var objects = employees.Count(e => e.ValueKind == JsonValueKind.Object);
            HiBobLog.FieldsWithheld(logger, string.Join(", ", missing), objects);
            throw new VendorApiException(
                HiBobErrors.Vendor,
                (int)HttpStatusCode.OK,
                HiBobMessages.MissingFields(missing, objects));
        }

        var result = HiBobEmployeeReader.Read(employees);
        HiBobLog.EmployeesRead(logger, call, result.Employees.Count, result.Skipped.Count);
        return result;
    }

    private async Task<HiBobReply> SendAsync(
        string call,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send(cancellationToken);
            // Kept as UTF-8 and parsed in place: the one search answer holds every employee, and a string copy of it
            // (UTF-16, twice the size) plus the parser's own UTF-8 copy made this the sync's largest allocation.
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return new HiBobReply((int)response.StatusCode, body);
        }
        catch (ApiRequestException ex) when (ex.InnerException is VendorApiException inner)
        {
            // Refit wraps what the handlers throw; the auth handler's own message is already fit for the UI.
            throw inner;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && IsTransport(Unwrap(ex)))
        {
            var cause = Unwrap(ex);
            var failure = HiBobErrors.FromTransport(cause);
            HiBobLog.TransportFailed(logger, call, failure.Message, cause);
            throw failure;
        }
    }

    private static Exception Unwrap(Exception exception) =>
        exception is ApiRequestException { InnerException: { } inner } ? inner : exception;

    // After the pipeline's retries: a failed connection, an attempt or total timeout, a body cut off mid-read.
    private static bool IsTransport(Exception exception) =>
        exception is HttpRequestException or TimeoutRejectedException or IOException or OperationCanceledException;

    private VendorApiException Fail(string call, HiBobReply reply)
    {
        HiBobLog.RequestFailed(logger, call, reply.StatusCode);
        return HiBobErrors.FromStatus((HttpStatusCode)reply.StatusCode, reply.Body);
    }

    private JsonDocument Parse(string call, HiBobReply reply)
    {
        try
        {
            return JsonDocument.Parse(reply.Utf8Json);
        }
        catch (JsonException ex)
        {
            // A proxy or captive portal can answer 200 with an HTML page (B19b).
            HiBobLog.NonJsonBody(logger, call, reply.StatusCode, HiBobErrors.Shorten(reply.Body));
            throw HiBobErrors.NonJson(reply.StatusCode, ex);
        }
    }

    private sealed record HiBobReply(int StatusCode, byte[] Utf8Body)
    {
        public string Body => Encoding.UTF8.GetString(Utf8Json.Span);

        /// <summary>The body without a UTF-8 byte order mark, which the JSON parser would refuse.</summary>
        public ReadOnlyMemory<byte> Utf8Json => Utf8Body.AsMemory()[(Utf8Body.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0)..];

        public bool IsSuccess => StatusCode is >= 200 and <= 299;
    }
}
