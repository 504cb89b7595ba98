using System.Net;
using System.Text.Json;
using HiBobAdmin.HiBob;
using Microsoft.Extensions.DependencyInjection;

namespace HiBobAdmin.Tests.HiBob;

/// <summary>The wire format of the Refit client, built through AddHiBob, as the stub sees it.</summary>
public sealed class HiBobApiTests
{
    private static readonly string EmptySearch = """{"employees":[]}""";

    [Fact]
    public async Task ReadAllAsync_SendsOneMachineFormatSearchWithoutFilters_WhenSyncingEveryone()
    {
        // B03 (a)
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(HttpStatusCode.OK, EmptySearch));

        await host.Directory.ReadAllAsync(CancellationToken.None);

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://api.hibob.com/v1/people/search", request.Uri.AbsoluteUri);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal(
            ["fields", "showInactive"],
            body.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            [
                "root.id", "root.email", "root.firstName", "root.surname", "root.displayName", "root.fullName",
                "root.avatarUrl", "root.coverImageUrl", "root.companyId", "root.creationDateTime", "work.isManager",
                "work.durationOfEmployment", "work.department", "work.title", "internal.status",
                "internal.lifecycleStatus", "internal.terminationDate",
            ],
            body.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.True(body.RootElement.GetProperty("showInactive").GetBoolean());
        Assert.DoesNotContain("filters", request.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("humanReadable", request.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchAsync_OmitsFilters_WhenTheListIsEmpty()
    {
        // B03 (a): an empty list must not go out as "filters": []
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(HttpStatusCode.OK, EmptySearch));

        using var response = await host.Api.SearchAsync(
            new PeopleSearchRequest(["root.id"], ShowInactive: false, Filters: []),
            CancellationToken.None);

        Assert.Equal("""{"fields":["root.id"],"showInactive":false}""", Assert.Single(host.Stub.Requests).Body);
    }

    [Fact]
    public async Task SearchAsync_SendsExactlyOneEmailFilter_WhenLookingUpOneUser()
    {
        // B03 (b)
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(HttpStatusCode.OK, EmptySearch));

        using var response = await host.Api.SearchAsync(
            new PeopleSearchRequest(["root.id"], ShowInactive: true, [PeopleFilter.ByEmail("ana.test@example.com")]),
            CancellationToken.None);

        Assert.Equal(
            """{"fields":["root.id"],"showInactive":true,"filters":[{"fieldPath":"root.email","operator":"equals","values":["ana.test@example.com"]}]}""",
            Assert.Single(host.Stub.Requests).Body);
    }

    [Fact]
    public async Task ReadOneAsync_PercentEncodesPlusAndAt_WhenEmailIsPlusAddressed()
    {
        // B10
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(
            HttpStatusCode.OK,
            JsonSerializer.Serialize(HiBobTestHost.FullEmployee("3000000000000000010", "qa+bob@example.com"))));

        var result = await host.Directory.ReadOneAsync("qa+bob@example.com", CancellationToken.None);

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("/v1/people/qa%2Bbob%40example.com", request.RawPathAndQuery);
        Assert.DoesNotContain("+", request.Uri.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain(" ", request.Uri.OriginalString, StringComparison.Ordinal);
        Assert.Equal("qa+bob@example.com", Assert.Single(result.Employees).Email);
        using var body = JsonDocument.Parse(request.Body!);
        Assert.Equal(["fields"], body.RootElement.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task ReadAsync_EncodesSlashAsPartOfOneSegment_WhenIdentifierHoldsOne()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Status(HttpStatusCode.NotFound));

        using var response = await host.Api.ReadAsync(
            "a/b c",
            new PeopleReadRequest(["root.id"]),
            CancellationToken.None);

        Assert.Equal("/v1/people/a%2Fb%20c", Assert.Single(host.Stub.Requests).RawPathAndQuery);
    }

    [Fact]
    public async Task ReadAllAsync_SendsBasicHeaderOfTheDocsExample_WhenServiceUserIsConfigured()
    {
        using var host = new HiBobTestHost((_, _) => HiBobTestHost.Json(HttpStatusCode.OK, EmptySearch));

        await host.Directory.ReadAllAsync(CancellationToken.None);

        Assert.Equal("Basic U0VSVklDRS1VU0VSLTEyMzp0MGszbg==", Assert.Single(host.Stub.Requests).Authorization);
    }

    [Fact]
    public async Task ReadAllAsync_UsesCurrentCredentials_WhenTheHostPostConfiguresThem()
    {
        using var host = new HiBobTestHost(
            (_, _) => HiBobTestHost.Json(HttpStatusCode.OK, EmptySearch),
            settings: new Dictionary<string, string?>(),
            configure: services => services.PostConfigure<HiBobOptions>(options =>
            {
                options.BaseUrl = "http://localhost:5080/sandbox/hibob/v1/";
                options.ServiceUserId = "SERVICE-USER-123";
                options.ServiceUserToken = "t0k3n";
            }));

        await host.Directory.ReadAllAsync(CancellationToken.None);

        var request = Assert.Single(host.Stub.Requests);
        Assert.Equal("http://localhost:5080/sandbox/hibob/v1/people/search", request.Uri.AbsoluteUri);
        Assert.Equal("Basic U0VSVklDRS1VU0VSLTEyMzp0MGszbg==", request.Authorization);
    }

    [Fact]
    public async Task ReadAllAsync_CallsV1Once_WhenBaseUrlEndsWithV1()
    {
        using var host = new HiBobTestHost(
            (_, _) => HiBobTestHost.Json(HttpStatusCode.OK, EmptySearch),
            new Dictionary<string, string?>
            {
                ["HiBob:BaseUrl"] = "https://api.sandbox.hibob.com/v1",
                ["HiBob:ServiceUserId"] = "SERVICE-USER-123",
                ["HiBob:ServiceUserToken"] = "t0k3n",
            });

        await host.Directory.ReadAllAsync(CancellationToken.None);

        Assert.Equal(
            "https://api.sandbox.hibob.com/v1/people/search",
            Assert.Single(host.Stub.Requests).Uri.AbsoluteUri);
    }

    [Fact]
    public async Task ReadAllAsync_FailsWithoutCalling_WhenNoCredentialsAreConfigured()
    {
        using var host = new HiBobTestHost(
            (_, _) => HiBobTestHost.Json(HttpStatusCode.OK, EmptySearch),
            new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<HiBobAdmin.Infrastructure.VendorApiException>(
            () => host.Directory.ReadAllAsync(CancellationToken.None));

        Assert.Equal("HiBob is not configured: set HiBob:ServiceUserId and HiBob:ServiceUserToken", error.Message);
        Assert.Empty(host.Stub.Requests);
    }

    [Fact]
    public void AddHiBob_EnablesGzipAndDeflate_OnTheDefaultPrimaryHandler()
    {
        var services = new ServiceCollection();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(
            new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddLogging();
        services.AddHiBob();
        using var provider = services.BuildServiceProvider();

        var handler = provider.GetRequiredService<IHttpMessageHandlerFactory>()
            .CreateHandler(HiBobServiceCollectionExtensions.HttpClientName);

        while (handler is DelegatingHandler delegating)
        {
            handler = delegating.InnerHandler!;
        }

        var methods = handler switch
        {
            SocketsHttpHandler sockets => sockets.AutomaticDecompression,
            HttpClientHandler classic => classic.AutomaticDecompression,
            _ => DecompressionMethods.None,
        };
        Assert.Equal(DecompressionMethods.GZip | DecompressionMethods.Deflate, methods);
    }

    [Fact]
    public void AddHiBob_RegistersTheDirectoryAsScoped()
    {
        var services = new ServiceCollection();

        services.AddHiBob();

        var descriptor = Assert.Single(services, s => s.ServiceType == typeof(IHiBobDirectory));
        Assert.Equal(ServiceLifetime.Scoped, descriptor.Lifetime);
        Assert.Equal(typeof(HiBobDirectory), descriptor.ImplementationType);
    }
}
