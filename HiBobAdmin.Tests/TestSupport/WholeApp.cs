namespace HiBobAdmin.Tests.TestSupport;

/// <summary>
/// Tests that start the whole app run one at a time: Hangfire keeps its storage, job activator and log provider in
/// process-wide statics (<c>JobStorage.Current</c>, <c>GlobalConfiguration</c>), so two apps alive in one test
/// process would hand each other's jobs to the wrong service provider.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeApp
{
    public const string Name = "Whole app";
}
