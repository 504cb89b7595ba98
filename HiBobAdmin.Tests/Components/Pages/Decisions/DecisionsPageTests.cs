using Bunit;
using HiBobAdmin.Decisions;
using HiBobAdmin.Matching;
using HiBobAdmin.Security;
using HiBobAdmin.Sync;
using HiBobAdmin.Tests.Components.Pages.Layout;
using Microsoft.Extensions.DependencyInjection;
using DecisionsPage = HiBobAdmin.Components.Pages.Decisions.Decisions;

namespace HiBobAdmin.Tests.Components.Pages.Decisions;

public sealed class DecisionsPageTests : IAsyncLifetime
{
    private readonly DashboardTestHost _host = new();

    public DecisionsPageTests()
    {
        _host.Context.Services.AddDecisions();
        _host.Context.Services.AddSingleton<HiBobAdmin.Audit.AuditLog>();
        _host.Context.Services.AddScoped<CurrentActor>();
        _host.Auth.SetAuthorized("ops@example.com");
        var snapshot = KnownSnapshot.Create();
        _host.Snapshots.Replace(snapshot with
        {
            Plan = snapshot.Plan with
            {
                StaleEntities =
                [
                    new StaleEntity("9001", "Gone Person", []),
                    new StaleEntity("9002", "Linked Person", ["kept@example.com"]),
                ],
            },
        });
    }

    private ManualDecisionStore Store => _host.Context.Services.GetRequiredService<ManualDecisionStore>();

    [Fact]
    public async Task Expected_Port_users_show_until_when_and_expired_ones_say_they_are_back_in_the_queue()
    {
        var now = DashboardTestHost.Now;
        await Store.IgnoreAsync("fin@example.com", "Contractor", now.AddDays(30), "hr@example.com", CancellationToken.None);
        await Store.IgnoreAsync("old@example.com", "Test", now.AddDays(1), "hr@example.com", CancellationToken.None);
        ((Microsoft.Extensions.Time.Testing.FakeTimeProvider)_host.Context.Services.GetRequiredService<TimeProvider>())
            .Advance(TimeSpan.FromDays(2));

        _host.Navigation.NavigateTo("/decisions?tab=expected");
        var page = _host.Render<DecisionsPage>();

        var states = page.FindAll("[data-testid=ignore-state]").Select(s => s.TextContent.Trim()).ToList();
        Assert.Equal(["Expected until 2027-01-02", "Expired on 2026-12-04: back in the review queue"], states);
    }

    [Fact]
    public void Linking_without_an_employee_is_refused_with_a_sentence_and_stores_nothing()
    {
        var page = _host.Render<DecisionsPage>();

        page.Find("[data-testid=link-save]").Click();

        Assert.Equal("Choose the employee to link.", page.Find("[data-testid=notice]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=link-row]"));
    }

    [Fact]
    public async Task Removing_a_stale_entity_asks_first_then_deletes_only_that_entity()
    {
        _host.Navigation.NavigateTo("/decisions?tab=stale");
        var page = _host.Render<DecisionsPage>();

        var buttons = page.FindAll("[data-testid=remove-stale]");
        Assert.True(buttons[1].HasAttribute("disabled"));
        buttons[0].Click();
        Assert.Empty(_host.Port.Removed);
        await page.InvokeAsync(() => page.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Remove").Click());

        page.WaitForAssertion(() => Assert.Equal(
            "Removed the stale hibob_user entity 9001 (Gone Person).",
            page.Find("[data-testid=notice]").TextContent.Trim()));
        Assert.Equal(["9001"], _host.Port.Removed);
        Assert.Single(page.FindAll("[data-testid=stale-row]"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
