using System.Text;
using Bunit;
using Bunit.Rendering;
using HiBobAdmin.Audit;
using HiBobAdmin.Components.Pages.Audit;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace HiBobAdmin.Tests.Components.Pages.Audit;

public sealed class AuditLogPageTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly BunitContext _context = new();

    public AuditLogPageTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.SignIn();
        _database.AddTo(_context.Services);
        _context.Services.AddSingleton<TimeProvider>(_time);
        _context.Services.AddSingleton<AuditLog>();
    }

    private AuditLog Log => _context.Services.GetRequiredService<AuditLog>();

    [Fact]
    public async Task AuditLog_ListsEntriesNewestFirst_WithWhoWhatAndDetail()
    {
        await RecordAsync("ana", AuditAction.SyncStarted, null, "Full sync from the dashboard.");
        await RecordAsync("ben", AuditAction.OverrideCreated, "1001", "Linked Jo Doe to john@corp.com.");

        var page = Render();

        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));
        Assert.Equal(
            ["2026-12-01 10:00:00", "ben", "Manual link made", "1001", "Linked Jo Doe to john@corp.com."],
            Cells(Rows(page)[0]));
        Assert.Equal(["2026-12-01 09:00:00", "ana", "Sync started", "", "Full sync from the dashboard."], Cells(Rows(page)[1]));
        Assert.Equal("2 entries", page.Find("[data-testid=audit-total]").TextContent.Trim());
    }

    [Fact]
    public async Task AuditLog_AppliesTheFiltersInTheAddress_AndTheExportLinkCarriesThem()
    {
        await RecordAsync("ana", AuditAction.SyncStarted, null, "Full sync from the dashboard.");
        await RecordAsync("ana", AuditAction.AccountDisabled, "leaver@corp.com", "Disabled in Port.");
        await RecordAsync("ben", AuditAction.AccountDisabled, "other@corp.com", "Disabled in Port.");
        _context.Services.GetRequiredService<NavigationManager>().NavigateTo("/audit?action=AccountDisabled&actor=ana");

        var page = Render();

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        Assert.Equal("leaver@corp.com", Cells(Rows(page)[0])[3]);
        Assert.Equal(
            "/audit/export.csv?action=AccountDisabled&actor=ana",
            page.Find("[data-testid=audit-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task AuditLog_NarrowsToTheSearch_WhenTyped()
    {
        await RecordAsync("ana", AuditAction.IgnoreCreated, "bot@corp.com", "Expected: service account (CI).");
        await RecordAsync("ana", AuditAction.IgnoreCreated, "temp@corp.com", "Expected: contractor until March.");
        var page = Render();
        page.WaitForAssertion(() => Assert.Equal(2, Rows(page).Count));

        await page.InvokeAsync(() => page.FindComponent<AuditFilterBar>().Instance.CriteriaChanged.InvokeAsync(
            new AuditCriteria(Search: "contractor")));

        page.WaitForAssertion(() => Assert.Single(Rows(page)));
        Assert.Equal("temp@corp.com", Cells(Rows(page)[0])[3]);
        Assert.EndsWith("/audit?q=contractor", _context.Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Export_WritesTheFilteredEntriesAsCsv_WithFormulasDefused()
    {
        await RecordAsync("ana", AuditAction.OverrideCreated, "=HYPERLINK(\"x\")", "Linked by hand.");
        await RecordAsync("ben", AuditAction.SyncStarted, null, "Full sync from the dashboard.");
        var http = new DefaultHttpContext { RequestServices = _context.Services };
        http.Response.Body = new MemoryStream();

        var result = await AuditExportEndpoint.ExportAsync(
            "OverrideCreated", null, null, "2026-12-01", "2026-12-01", Log, _time, CancellationToken.None);
        await result.ExecuteAsync(http);

        var csv = Encoding.UTF8.GetString(((MemoryStream)http.Response.Body).ToArray()).TrimStart('\uFEFF');
        Assert.Equal("text/csv; charset=utf-8", http.Response.ContentType);
        Assert.Equal(
            "When (UTC),Who,What,Subject,Detail\r\n"
            + "2026-12-01 09:00:00,ana,Manual link made,\"'=HYPERLINK(\"\"x\"\")\",Linked by hand.\r\n",
            csv);
    }

    [Theory]
    [InlineData("?action=SyncApproved&actor=ana&q=run%201&from=2026-11-30&to=2026-12-02")]
    [InlineData("?from=2026-12-01")]
    [InlineData("")]
    public void Query_ReadsBackWhatItWrites(string query)
    {
        var values = System.Web.HttpUtility.ParseQueryString(query);
        var criteria = AuditQuery.Parse(values["action"], values["actor"], values["q"], values["from"], values["to"]);

        var written = AuditQuery.ToQueryString(criteria);

        Assert.Equal(query, written);
    }

    [Fact]
    public void Query_IgnoresUnknownActionsAndBadDates_AndIncludesTheLastDay()
    {
        var criteria = AuditQuery.Parse("Nonsense", " ", null, "yesterday", "2026-12-01");

        Assert.Equal(new AuditCriteria(To: new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero)), criteria);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        _database.Delete();
    }

    private async Task RecordAsync(string actor, AuditAction action, string? subject, string detail)
    {
        await Log.RecordAsync(actor, action, subject, detail, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(1));
    }

    private IRenderedComponent<ContainerFragment> Render() =>
        _context.Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<AuditLogPage>(1);
            builder.CloseComponent();
        });

    private static IReadOnlyList<AngleSharp.Dom.IElement> Rows(IRenderedComponent<ContainerFragment> page) =>
        page.FindAll("[data-testid=audit-grid] tbody tr.mud-table-row");

    private static string[] Cells(AngleSharp.Dom.IElement row) =>
        [.. row.QuerySelectorAll("td").Select(td => td.TextContent.Trim())];
}
