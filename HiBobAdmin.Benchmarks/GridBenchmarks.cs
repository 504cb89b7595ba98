using BenchmarkDotNet.Attributes;
using HiBobAdmin.Matching;
using HiBobAdmin.Sync;

namespace HiBobAdmin.Benchmarks;

/// <summary>
/// One page of the People grid, 50 rows filtered by link status, over a snapshot of 100k rows: what
/// <see cref="PeopleQuery"/> does for every page a user opens (the snapshot is already in memory then).
/// </summary>
[MemoryDiagnoser]
public class GridBenchmarks
{
    private const int Rows = 100_000;

    private PeopleSnapshot _snapshot = null!;

    [Params(LinkStatus.Matched, LinkStatus.HiBobOnly)]
    public LinkStatus Status { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var reconciliation = Reconciler.Reconcile(SyntheticPeople.Create(Rows));
        _snapshot = new PeopleSnapshot(reconciliation.People, 0, DateTimeOffset.UtcNow, reconciliation.Plan);
    }

    [Benchmark]
    public PeopleQueryResult FirstPage() =>
        PeopleQuery.Apply(_snapshot, new PeopleCriteria(Status: Status), sort: null, page: 0, pageSize: 50);

    [Benchmark]
    public PeopleQueryResult TenthPageSortedByName() =>
        PeopleQuery.Apply(
            _snapshot,
            new PeopleCriteria(Status: Status),
            new PeopleSort(PeopleSortKey.Name, Descending: false),
            page: 9,
            pageSize: 50);
}
