using BenchmarkDotNet.Attributes;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Benchmarks;

/// <summary>
/// Time and allocations of one reconciliation of <see cref="Employees"/> employees against as many Port users:
/// the CPU-bound heart of every sync and of every snapshot the pages show.
/// </summary>
[MemoryDiagnoser]
public class ReconcileBenchmarks
{
    private ReconcileInput _input = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Employees { get; set; }

    [GlobalSetup]
    public void Setup() => _input = SyntheticPeople.Create(Employees);

    [Benchmark]
    public Reconciliation Reconcile() => Reconciler.Reconcile(_input);
}
