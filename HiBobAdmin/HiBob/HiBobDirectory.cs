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

    // Far more than the 200-character snippet a non-JSON answer is logged with, so that a credential near its start
    // is whole when it is masked.
    private const int SnippetBytes = 16 * 1024;

    public async Task<EmployeeReadResult> ReadAllAsync(CancellationToken cancellationToken)
    {
        var request = new PeopleSearchRequest(HiBobFields.Requested, ShowInactive: true, Filters: null);
        var employees = await SendAsync(
            SearchCall,
            ct => api.SearchAsync(request, ct),
            ReadSearchAnswerAsync,
            cancellationToken);
        return ReadChecked(SearchCall, employees);
    }

    // The one search answer holds every employee: it is parsed element by element as it arrives and each element
    // reduced to its employee at once, so neither the body nor a document of it is ever held whole (at 50k employees
    // those were the sync's largest allocations).
    private async Task<IReadOnlyList<StreamedEmployee>> ReadSearchAnswerAsync(
        HttpResponseMessage response,
        CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            throw Fail(SearchCall, new HiBobReply(status, await response.Content.ReadAsStringAsync(cancellationToken)));
        }

        await using var body = new PrefixRecordingStream(
            await response.Content.ReadAsStreamAsync(cancellationToken), SnippetBytes);
        StreamedSearchAnswer? answer;
        try
        {
            answer = await JsonSerializer.DeserializeAsync<StreamedSearchAnswer>(body, cancellationToken: cancellationToken);
        }
        catch (JsonException ex) when (ex.InnerException is JsonException)
        {
            // The reader's own error, wrapped with its path: the body is not JSON (B19b, a proxy's HTML page).
            HiBobLog.NonJsonBody(logger, SearchCall, status, HiBobErrors.Shorten(Encoding.UTF8.GetString(body.Prefix)));
            throw HiBobErrors.NonJson(status, ex);
        }
        catch (JsonException)
        {
            // Valid JSON of another shape: not an object, or "employees" is not a list.
            answer = null;
        }

        return answer?.Employees
            ?? throw new VendorApiException(HiBobErrors.Vendor, status, HiBobMessages.NoEmployeesList);
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
        IEnumerable<JsonElement> employees = root.ValueKind switch
        {
            JsonValueKind.Object when root.TryGetProperty("employees", out var list)
                && list.ValueKind == JsonValueKind.Array => list.EnumerateArray(),
            JsonValueKind.Array => root.EnumerateArray(),
            _ => [root],
        };
        return ReadChecked(ReadCall, [.. employees.Select(HiBobEmployeeReader.Reduce)]);
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

    private EmployeeReadResult ReadChecked(string call, IReadOnlyList<StreamedEmployee> employees)
    {
        // HiBob drops fields the service user may not see and still answers 200; writing from such a read would
        // blank those properties in Port, so the run stops here, before any write.
        var missing = HiBobEmployeeReader.FieldsMissingFromAll(employees);
        if (missing.Count > 0)
        {
            var objects = employees.Count(e => e.IsObject);
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

    private Task<HiBobReply> SendAsync(
        string call,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        CancellationToken cancellationToken) =>
        SendAsync(
            call,
            send,
            async (response, ct) => new HiBobReply((int)response.StatusCode, await response.Content.ReadAsStringAsync(ct)),
            cancellationToken);

    private async Task<T> SendAsync<T>(
        string call,
        Func<CancellationToken, Task<HttpResponseMessage>> send,
        Func<HttpResponseMessage, CancellationToken, Task<T>> read,
        CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send(cancellationToken);
            return await read(response, cancellationToken);
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
            return JsonDocument.Parse(reply.Body);
        }
        catch (JsonException ex)
        {
            // A proxy or captive portal can answer 200 with an HTML page (B19b).
            HiBobLog.NonJsonBody(logger, call, reply.StatusCode, HiBobErrors.Shorten(reply.Body));
            throw HiBobErrors.NonJson(reply.StatusCode, ex);
        }
    }

    private sealed record HiBobReply(int StatusCode, string Body)
    {
        public bool IsSuccess => StatusCode is >= 200 and <= 299;
    }
}
