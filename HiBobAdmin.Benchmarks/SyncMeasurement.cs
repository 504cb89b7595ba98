using HiBobAdmin.Storage;

namespace HiBobAdmin.Benchmarks;

/// <summary>
/// What one measured full sync did (<see cref="Wall"/> is the run's own start to finish as it recorded them;
/// <see cref="ProcessWall"/> adds the process's start-up and shutdown), and the targets of issue 6 it is compared with.
/// </summary>
internal sealed record SyncMeasurement(
    int Employees,
    string Scenario,
    SyncRunStatus Status,
    int EntityChanges,
    int Links,
    int PortWrites,
    int DataModelWrites,
    int PortReads,
    int HiBobRequests,
    TimeSpan Wall,
    int Concurrency,
    long PeakWorkingSet,
    TimeSpan ProcessWall)
{
    /// <summary>
    /// The bulk route takes 20 entities per call: ⌈changed entities ÷ 20⌉ + ⌈links ÷ 20⌉, plus the data-model
    /// requests the first run makes (creating the <c>hibob_user</c> blueprint and the relation on <c>_user</c>).
    /// </summary>
    public int ExpectedWrites => Batches(EntityChanges) + Batches(Links) + DataModelWrites;

    /// <summary>The time the writes alone need when every slot is busy: writes × latency ÷ concurrency.</summary>
    public TimeSpan IdealWall => TimeSpan.FromMilliseconds((double)PortWrites * SyncScenario.LatencyMs / Concurrency);

    public double? RatioToIdeal => PortWrites == 0 ? null : Wall / IdealWall;

    private static int Batches(int count) => (count + 19) / 20;
}
