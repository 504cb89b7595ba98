using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>Stands in for Hangfire's client in component tests: records each job a page enqueues.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    public List<Job> Created { get; } = [];

    public string Create(Job job, IState state)
    {
        Created.Add(job);
        return Created.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
