using System.Net;
using HiBobAdmin.Audit;
using HiBobAdmin.Security;
using HiBobAdmin.Storage;
using HiBobAdmin.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HiBobAdmin.Tests.Security;

/// <summary>With no sign-in configured, the app creates an admin whose one-time password must be replaced.</summary>
[Collection(WholeApp.Name)]
public sealed class InitialAdminTests
{
    private const string NewPassword = "a much better password 42";

    [Fact]
    public async Task InitialAdmin_PrintsOneTimePasswordOnce_AndForcesANewPasswordAtFirstSignIn()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await StartAsync(logs);
        var password = PasswordIn(logs);
        using var client = app.CreateClient();

        using var signedIn = await client.SignInAsync(InitialAdmin.UserName, password);
        using var home = await client.GetAsync(new Uri("/", UriKind.Relative));
        using var export = await client.GetAsync(new Uri("/people/export.csv", UriKind.Relative));
        var changePage = await client.GetStringAsync(new Uri("/account/password", UriKind.Relative));
        using var wrongCurrent = await client.ChangePasswordAsync("not the password", NewPassword);
        using var tooShort = await client.ChangePasswordAsync(password, "short");
        using var blank = await client.ChangePasswordAsync(password, new string(' ', 16));
        using var changed = await client.ChangePasswordAsync(password, NewPassword);
        using var homeAfter = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal("/account/password", signedIn.Headers.Location?.OriginalString);
        Assert.Equal("/account/password", home.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, export.StatusCode);
        Assert.Contains("You signed in with the one-time password", changePage, StringComparison.Ordinal);
        Assert.Equal("/account/password?error=WrongCurrent", wrongCurrent.Headers.Location?.OriginalString);
        Assert.Equal("/account/password?error=TooShort", tooShort.Headers.Location?.OriginalString);
        Assert.Equal("/account/password?error=TooShort", blank.Headers.Location?.OriginalString);
        Assert.Equal("/", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, homeAfter.StatusCode);
        Assert.Contains("admin · PlatformAdmin", await homeAfter.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var fresh = app.CreateClient();
        using var oldPassword = await fresh.SignInAsync(InitialAdmin.UserName, password);
        Assert.StartsWith("/signin?error=1", oldPassword.Headers.Location?.OriginalString, StringComparison.Ordinal);
        using var newPassword = await fresh.SignInAsync(InitialAdmin.UserName, NewPassword);
        Assert.Equal("/", newPassword.Headers.Location?.OriginalString);

        var account = await AccountAsync(app);
        Assert.False(account.MustChangePassword);
        Assert.StartsWith("AQAAAA", account.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(password, account.PasswordHash, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, account.PasswordHash, StringComparison.Ordinal);
        var actions = await AuditActionsAsync(app);
        Assert.Equal(
            [AuditAction.SignedIn, AuditAction.PasswordChanged, AuditAction.SignInFailed, AuditAction.SignedIn],
            actions);
    }

    [Fact]
    public async Task Restart_IssuesAFreshPassword_OnlyWhileTheOneTimePasswordWasNotReplaced()
    {
        var data = Directory.CreateTempSubdirectory("hibobadmin-test-").FullName;
        var firstLogs = new CapturingLoggerProvider();
        string first;
        await using (var app = await StartAsync(firstLogs, data))
        {
            first = PasswordIn(firstLogs);
        }

        var secondLogs = new CapturingLoggerProvider();
        await using (var app = await StartAsync(secondLogs, data))
        {
            var second = PasswordIn(secondLogs);
            Assert.NotEqual(first, second);
            using var client = app.CreateClient();
            using var stale = await client.SignInAsync(InitialAdmin.UserName, first);
            Assert.StartsWith("/signin?error=1", stale.Headers.Location?.OriginalString, StringComparison.Ordinal);
            using var signedIn = await client.SignInAsync(InitialAdmin.UserName, second);
            using var changed = await client.ChangePasswordAsync(second, NewPassword);
            Assert.Equal("/", changed.Headers.Location?.OriginalString);
        }

        var thirdLogs = new CapturingLoggerProvider();
        await using (var app = await StartAsync(thirdLogs, data))
        {
            Assert.DoesNotContain(thirdLogs.Entries, e => e.EventId.Id == 5001);
            using var client = app.CreateClient();
            using var signedIn = await client.SignInAsync(InitialAdmin.UserName, NewPassword);
            Assert.Equal("/", signedIn.Headers.Location?.OriginalString);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    [Fact]
    public async Task InitialAdmin_IsNotCreated_WhenLocalAccountsAreConfigured()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = await SandboxApp.StartAsync(overrideServices: s => s.AddSingleton<ILoggerProvider>(logs));

        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>()
            .CreateDbContextAsync();

        Assert.Empty(await db.Set<DashboardAccount>().ToListAsync());
        Assert.DoesNotContain(logs.Entries, e => e.EventId.Id == 5001);
    }

    private static Task<SandboxApp> StartAsync(CapturingLoggerProvider logs, string? dataDirectory = null) =>
        SandboxApp.StartAsync(
            overrideServices: s => s.AddSingleton<ILoggerProvider>(logs),
            dataDirectory: dataDirectory,
            testAccounts: false);

    /// <summary>The password from the one log line allowed to hold it; asserts no other line has it.</summary>
    private static string PasswordIn(CapturingLoggerProvider logs)
    {
        var line = Assert.Single(logs.Entries, e => e.EventId.Id == 5001);
        var password = Assert.IsType<string>(line.Values["Password"]);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains($"User name: admin  One-time password: {password}", line.Message, StringComparison.Ordinal);
        Assert.Single(logs.Entries, e => e.ToString().Contains(password, StringComparison.Ordinal));
        return password;
    }

    private static async Task<DashboardAccount> AccountAsync(SandboxApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>()
            .CreateDbContextAsync();
        return await db.Set<DashboardAccount>().SingleAsync();
    }

    private static async Task<List<AuditAction>> AuditActionsAsync(SandboxApp app)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<HiBobAdminDbContext>>()
            .CreateDbContextAsync();
        var entries = await db.AuditEntries.ToListAsync();
        return entries.OrderBy(e => e.Id).Select(e => e.Action).ToList();
    }
}
