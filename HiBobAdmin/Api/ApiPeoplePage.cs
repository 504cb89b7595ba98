namespace HiBobAdmin.Api;

/// <summary>One page of <c>GET /api/people</c>; <see cref="Page"/> counts from 1.</summary>
public sealed record ApiPeoplePage(int Page, int PageSize, int Total, DateTimeOffset ReadAt, IReadOnlyList<ApiPerson> Items);
