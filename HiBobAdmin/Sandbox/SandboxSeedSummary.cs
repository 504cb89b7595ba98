namespace HiBobAdmin.Sandbox;

/// <summary>What the seed put on each side, for tests to pick people from and to assert counts against.</summary>
/// <param name="EmployeeRecords">HiBob records, active and inactive.</param>
/// <param name="ActiveEmployeeRecords">HiBob records with <c>internal.status</c> Active.</param>
/// <param name="PortUsers"><c>_user</c> entities, service accounts included.</param>
/// <param name="PortStatusCounts"><c>_user</c> count per status.</param>
/// <param name="People">Every seeded person with their kind.</param>
public sealed record SandboxSeedSummary(
    int EmployeeRecords,
    int ActiveEmployeeRecords,
    int PortUsers,
    IReadOnlyDictionary<string, int> PortStatusCounts,
    IReadOnlyList<SandboxSeedPerson> People)
{
    public static SandboxSeedSummary Empty { get; } = new(0, 0, 0, new Dictionary<string, int>(), []);

    /// <summary>How many people of a kind were seeded.</summary>
    public int Count(SandboxSeedKind kind) => People.Count(person => person.Kind == kind);

    /// <summary>The seeded people of a kind, in seed order.</summary>
    public IReadOnlyList<SandboxSeedPerson> Of(SandboxSeedKind kind) =>
        [.. People.Where(person => person.Kind == kind)];
}
