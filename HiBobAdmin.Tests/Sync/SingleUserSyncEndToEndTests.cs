using System.Collections.Concurrent;
using HiBobAdmin.HiBob;
using HiBobAdmin.Matching;
using HiBobAdmin.Sandbox;
using HiBobAdmin.Storage;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.Sync;

[Collection(WholeApp.Name)]
public sealed class SingleUserSyncEndToEndTests
{
    [Fact]
    public async Task SingleUserSync_LinksThePlusAddressedPerson_AndNoOneElse() // B10
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sandbox:EmployeeCount"] = "0" });
        var bob = app.Sandbox.AddEmployee("5001", "qa+bob@example.com");
        app.Sandbox.AddEmployee("5002", "qa@example.com");

        var run = await app.RunSingleUserSyncAsync("qa+bob@example.com");

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(bob, app.Sandbox.RelationOf("qa+bob@example.com"));
        Assert.Null(app.Sandbox.GetPortEntity("_user", "qa@example.com"));
        Assert.Null(app.Sandbox.GetPortEntity("hibob_user", "5002"));
    }

    [Fact]
    public async Task SingleUserSync_FailsWithTheExactInput_WhenHiBobHasNoSuchPerson() // B10
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sandbox:EmployeeCount"] = "0" });
        app.Sandbox.AddEmployee("5002", "qa@example.com");

        var run = await app.RunSingleUserSyncAsync("qa+bob@example.com");

        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal("No HiBob employee with email qa+bob@example.com", run.Message);
        Assert.Null(app.Sandbox.GetPortEntity("_user", "qa@example.com"));
    }

    [Fact]
    public async Task SingleUserSync_TurnsAHiBobOnlyRowMatched_InTheSnapshot()
    {
        await using var app = await SandboxApp.StartAsync();
        var person = app.Sandbox.SeedSummary.Of(SandboxSeedKind.HiBobOnly)[0];
        var id = person.EmployeeIds.Single();
        var before = await app.Snapshots.GetOrLoadAsync(CancellationToken.None);
        Assert.Equal(LinkStatus.HiBobOnly, before.People.Single(p => p.Employee?.Id == id).Status);

        var run = await app.RunSingleUserSyncAsync(person.HiBobEmails.Single()!.ToUpperInvariant());

        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.Equal(2, run.Created);
        var after = app.Snapshots.Current!;
        var row = after.People.Single(p => p.Employee?.Id == id);
        Assert.Equal(LinkStatus.Matched, row.Status);
        Assert.Equal(before.People.Count, after.People.Count);
    }

    [Fact]
    public async Task SingleUserSync_OfTheSameEmail_IsRefusedWhileOneIsActive()
    {
        await using var app = await SandboxApp.StartAsync(new Dictionary<string, string?> { ["Sandbox:Faults:LatencyMs"] = "200" });
        await using var scope = app.Services.CreateAsyncScope();
        var launcher = scope.ServiceProvider.GetRequiredService<SyncLauncher>();
        var email = app.Sandbox.SeedSummary.Of(SandboxSeedKind.Matched)[0].HiBobEmails.Single()!;

        var first = await launcher.StartSingleUserSyncAsync(email, SyncTrigger.Dashboard, "a", CancellationToken.None);
        var second = await launcher.StartSingleUserSyncAsync($" {email.ToUpperInvariant()} ", SyncTrigger.Dashboard, "b", CancellationToken.None);

        Assert.True(first.Accepted);
        Assert.False(second.Accepted);
        Assert.Contains("is already running", second.Message, StringComparison.Ordinal);
        await app.WaitForRunAsync(first.RunId!.Value);
    }

    [Fact]
    public async Task ConcurrentSingleUserSyncs_EachGetTheirOwnScope_AndAllSucceed() // B15
    {
        var instances = new ConcurrentBag<int>();
        await using var app = await SandboxApp.StartAsync(overrideServices: services =>
        {
            services.AddScoped<HiBobDirectory>();
            services.AddScoped<IHiBobDirectory>(sp => new RecordingDirectory(sp.GetRequiredService<HiBobDirectory>(), instances));
        });
        var emails = app.Sandbox.SeedSummary.Of(SandboxSeedKind.HiBobOnly).Take(5).Select(p => p.HiBobEmails.Single()!).ToList();
        await using var scope = app.Services.CreateAsyncScope();
        var launcher = scope.ServiceProvider.GetRequiredService<SyncLauncher>();

        var launches = new List<LaunchResult>();
        foreach (var email in emails)
        {
            launches.Add(await launcher.StartSingleUserSyncAsync(email, SyncTrigger.Dashboard, "test", CancellationToken.None));
        }

        var runs = await Task.WhenAll(launches.Select(l => app.WaitForRunAsync(l.RunId!.Value)));

        Assert.Equal(5, emails.Count);
        Assert.All(runs, r => Assert.Equal(SyncRunStatus.Succeeded, r.Status));
        Assert.Equal(5, instances.Distinct().Count());
    }

    private sealed class RecordingDirectory(IHiBobDirectory inner, ConcurrentBag<int> instances) : IHiBobDirectory
    {
        public Task<EmployeeReadResult> ReadAllAsync(CancellationToken cancellationToken) => inner.ReadAllAsync(cancellationToken);

        public Task<EmployeeReadResult> ReadOneAsync(string identifier, CancellationToken cancellationToken)
        {
            instances.Add(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(inner));
            return inner.ReadOneAsync(identifier, cancellationToken);
        }

        public Task<HiBobAdmin.Infrastructure.ConnectionCheck> CheckConnectionAsync(CancellationToken cancellationToken) =>
            inner.CheckConnectionAsync(cancellationToken);
    }
}
