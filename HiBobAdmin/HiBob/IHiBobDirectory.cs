using HiBobAdmin.Infrastructure;
using HiBobAdmin.Matching;

namespace HiBobAdmin.HiBob;

/// <summary>
/// Reads employees from HiBob. Failures that end a run surface as
/// <see cref="Infrastructure.VendorApiException"/> with a message fit for the UI.
/// </summary>
public interface IHiBobDirectory
{
    /// <summary>Every employee the service user can see, active and inactive (one people-search call).</summary>
    Task<EmployeeReadResult> ReadAllAsync(CancellationToken cancellationToken);

    /// <summary>One employee by backend id or email; <see cref="EmployeeReadResult.Employees"/> is empty when HiBob has none.</summary>
    Task<EmployeeReadResult> ReadOneAsync(string identifier, CancellationToken cancellationToken);

    /// <summary>A cheap authenticated call that proves the credentials; says what it called and what came back.</summary>
    Task<ConnectionCheck> CheckConnectionAsync(CancellationToken cancellationToken);
}

/// <summary>Employees read, and the records that could not be read, each with its reason.</summary>
public sealed record EmployeeReadResult(IReadOnlyList<Employee> Employees, IReadOnlyList<SkippedItem> Skipped);
