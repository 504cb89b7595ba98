using System.Net;
using System.Text.Json;
using HiBobAdmin.Matching;
using HiBobAdmin.Tests.TestSupport;
using Json.Schema;

namespace HiBobAdmin.Tests.Port;

/// <summary>The bodies the client sends, checked against the request schemas of Port's own OpenAPI.</summary>
public sealed class PortWireSchemaTests
{
    private static readonly JsonSchema BulkBody = JsonSchema.FromText(PortSchemas.BulkBody);
    private static readonly JsonSchema SearchBody = JsonSchema.FromText(PortSchemas.SearchBody);
    private static readonly JsonSchema EntityIdentifier = JsonSchema.FromText(PortSchemas.EntityIdentifier);

    [Fact]
    public async Task BulkBodies_MatchPortSchema_ForEveryKindOfWrite()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));
        var leaver = PortTestData.HibobWrite(2, HibobUserWriteKind.StateOnly);
        var noTitle = PortTestData.HibobWrite(3, HibobUserWriteKind.Update);
        noTitle = noTitle with { Entity = noTitle.Entity with { Title = null } };
        UserLinkWrite[] links =
        [
            new(UserLinkKind.Link, "zoë@example.com", PortTestData.EmployeeId(8), null),
            new(UserLinkKind.CreateAndLink, "qa+bob@example.com", PortTestData.EmployeeId(9), null),
        ];

        await host.Catalog.WriteHibobUsersAsync([PortTestData.HibobWrite(1), leaver, noTitle], null, default);
        await host.Catalog.WriteUserLinksAsync(links, null, default);

        Assert.Equal(2, host.ApiRequests.Count);
        Assert.All(host.ApiRequests, r => Assert.Equal([], Violations(BulkBody, r.Body!)));
    }

    [Fact]
    public async Task SearchBodies_MatchPortSchema_ForFirstAndLaterPagesAndIdentifierLookups()
    {
        using var host = new PortTestHost(PortStub.Route((_, n) => StubHttpHandler.Json(
            HttpStatusCode.OK,
            n == 0 ? """{"ok":true,"next":"cursor-1","entities":[]}""" : """{"ok":true,"entities":[]}""")));

        await host.Catalog.ReadUsersAsync(null, default);
        await host.Catalog.ReadHibobUsersAsync([PortTestData.EmployeeId(1), PortTestData.EmployeeId(2)], default);

        Assert.Equal(3, host.ApiRequests.Count);
        Assert.All(host.ApiRequests, r => Assert.Equal([], Violations(SearchBody, r.Body!)));
    }

    [Fact] // B04
    public async Task BulkBody_BreaksPortSchema_WhenAnIdentifierHoldsAnApostrophe()
    {
        using var host = new PortTestHost(PortStub.Route((request, _) => PortStub.BulkSuccess(request)));

        await host.Catalog.WriteUserLinksAsync(
            [new UserLinkWrite(UserLinkKind.Link, "o'neil@example.com", PortTestData.EmployeeId(7), null)],
            null,
            default);

        Assert.NotEmpty(Violations(BulkBody, Assert.Single(host.ApiRequests).Body!));
    }

    [Fact]
    public void BulkSchema_RejectsMoreThanTwentyEntities_AsPortDoes()
    {
        var entities = string.Join(',', Enumerable.Range(1, 21).Select(n => $$"""{"identifier":"id-{{n}}"}"""));

        var violations = Violations(BulkBody, $$"""{"entities":[{{entities}}]}""");

        Assert.NotEmpty(violations);
    }

    [Theory] // B04
    [InlineData("zoë@example.com", true)]
    [InlineData("John.Doe@Acme.COM", true)]
    [InlineData("qa+bob@example.com", true)]
    [InlineData("3000000000000000001", true)]
    [InlineData("o'neil@example.com", false)]
    [InlineData("ana test@example.com", false)]
    [InlineData(".", false)]
    [InlineData("..", false)]
    public void EntityIdentifierPattern_AcceptsOnlyWhatPortAccepts(string identifier, bool valid)
    {
        var violations = Violations(EntityIdentifier, JsonSerializer.Serialize(identifier));

        Assert.Equal(valid, violations.Count == 0);
    }

    private static List<string> Violations(JsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(
            document.RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }

        List<string> errors = [.. (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))];
        return errors.Count > 0 ? errors : ["invalid (no detail)"];
    }
}
