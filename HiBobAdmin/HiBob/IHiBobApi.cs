using Refit;

namespace HiBobAdmin.HiBob;

/// <summary>
/// HiBob's people endpoints (https://apidocs.hibob.com/reference/people). Every call returns the raw response so
/// that one error mapper reads the status and the body; nothing here throws on a non-success status.
/// </summary>
public interface IHiBobApi
{
    /// <summary>Every employee matching the body; a read that uses POST because the body selects fields.</summary>
    [Post("/v1/people/search")]
    Task<HttpResponseMessage> SearchAsync([Body(buffered: true)] PeopleSearchRequest body, CancellationToken ct);

    /// <summary>One employee by backend id or email; the identifier is percent-encoded as one path segment.</summary>
    [Post("/v1/people/{identifier}")]
    Task<HttpResponseMessage> ReadAsync(
        string identifier,
        [Body(buffered: true)] PeopleReadRequest body,
        CancellationToken ct);

    /// <summary>Field metadata; needs no data permission, so it proves only the credentials.</summary>
    [Get("/v1/company/people/fields")]
    Task<HttpResponseMessage> GetFieldsAsync(CancellationToken ct);
}
