using System.Text.Json;
using System.Text.Json.Nodes;
using HiBobAdmin.Sandbox;

namespace HiBobAdmin.Tests.Sandbox;

public sealed class SandboxSeederTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_BuildsTheSameOrganisation_WhenSeedSizeAndDateAreTheSame()
    {
        var first = SandboxSeeder.Create(42, 300, Now);

        var second = SandboxSeeder.Create(42, 300, Now);

        Assert.Equal(Json(first.People.WriteTo), Json(second.People.WriteTo));
        Assert.Equal(Json(first.Port.WriteTo), Json(second.Port.WriteTo));
        Assert.Equal(JsonSerializer.Serialize(first.Summary), JsonSerializer.Serialize(second.Summary));
    }

    [Fact]
    public void Create_BuildsAnotherOrganisation_WhenSeedDiffers()
    {
        var first = SandboxSeeder.Create(42, 300, Now);

        var other = SandboxSeeder.Create(43, 300, Now);

        Assert.NotEqual(
            first.People.Snapshot().Select(e => e.Email),
            other.People.Snapshot().Select(e => e.Email));
    }

    [Theory]
    [InlineData(300)]
    [InlineData(10_000)]
    public void Create_SeedsAboutTheRequestedSizeAnd107PortUsersPerEmployee(int employeeCount)
    {
        var (people, port, summary) = SandboxSeeder.Create(42, employeeCount, Now);

        Assert.Equal(employeeCount, people.Count);
        Assert.Equal(employeeCount, summary.EmployeeRecords);
        Assert.Equal(summary.PortUsers, port.Entities("_user").Count);
        Assert.InRange(summary.PortUsers, (int)(employeeCount * 1.06), (int)(employeeCount * 1.08));
        Assert.Equal(people.Snapshot().Count(e => e.IsActive), summary.ActiveEmployeeRecords);
    }

    [Fact]
    public void Create_CoversEveryKindOfPerson_WhenDefaultSize()
    {
        var (_, _, summary) = SandboxSeeder.Create(42, 300, Now);

        Assert.All(Enum.GetValues<SandboxSeedKind>(), kind => Assert.True(summary.Count(kind) >= 1, $"no {kind}"));
        Assert.Equal(3, summary.Count(SandboxSeedKind.NoEmail));
        Assert.Equal(1, summary.Count(SandboxSeedKind.UnmappableEmail));
        Assert.Equal(1, summary.Count(SandboxSeedKind.AccentedEmail));
        Assert.Equal(1, summary.Count(SandboxSeedKind.Rehire));
        Assert.Equal(1, summary.Count(SandboxSeedKind.DuplicateEmail));
        Assert.Equal(1, summary.Count(SandboxSeedKind.ServiceAccount));
        foreach (var status in (string[])["Active", "Invited", "Staged", "Disabled"])
        {
            Assert.True(summary.PortStatusCounts.GetValueOrDefault(status) >= 1, $"no {status} Port user");
        }
    }

    [Fact]
    public void Create_SeedsEmailsThatDifferOnlyInCaseOrPadding_ForMatchedPeople()
    {
        // B09
        var (people, port, summary) = SandboxSeeder.Create(42, 300, Now);

        var caseDiffers = summary.Of(SandboxSeedKind.MatchedCaseDiffers)[0];
        Assert.NotEqual(caseDiffers.HiBobEmails[0], caseDiffers.PortIdentifier);
        Assert.Equal(caseDiffers.HiBobEmails[0], caseDiffers.PortIdentifier, StringComparer.OrdinalIgnoreCase);
        var padded = summary.Of(SandboxSeedKind.MatchedPaddedEmail)[0];
        var stored = people.Find(padded.EmployeeIds[0])!.Email!;
        Assert.NotEqual(stored.Trim(), stored);
        Assert.NotEqual(stored.Trim().ToLowerInvariant(), stored.Trim());
        Assert.Equal(padded.PortIdentifier, stored.Trim().ToLowerInvariant());
        Assert.NotNull(port.FindEntity("_user", padded.PortIdentifier!));
    }

    [Fact]
    public void Create_SeedsNullAbsentAndBlankEmails_ForNoEmailPeople()
    {
        // B04
        var (people, _, summary) = SandboxSeeder.Create(42, 300, Now);

        var records = summary.Of(SandboxSeedKind.NoEmail).Select(p => people.Find(p.EmployeeIds[0])!).ToArray();

        Assert.Contains(
            records,
            r => r.Fields.TryGetValue("root.email", out var e) && e.ValueKind == JsonValueKind.Null);
        Assert.Contains(records, r => !r.Fields.ContainsKey("root.email"));
        Assert.Contains(records, r => r.Email == "   ");
        Assert.All(records, r => Assert.True(r.IsActive));
    }

    [Fact]
    public void Create_SeedsUnmappableAndAccentedEmails_OnEitherSideOfPortsIdentifierRule()
    {
        // B04
        var (_, port, summary) = SandboxSeeder.Create(42, 300, Now);

        var unmappable = summary.Of(SandboxSeedKind.UnmappableEmail)[0].HiBobEmails[0]!;
        var accented = summary.Of(SandboxSeedKind.AccentedEmail)[0].HiBobEmails[0]!;

        Assert.Contains("'", unmappable, StringComparison.Ordinal);
        Assert.False(PortPatterns.IsEntityIdentifier(unmappable));
        Assert.Matches("[éö]", accented);
        Assert.True(PortPatterns.IsEntityIdentifier(accented));
        Assert.Null(port.FindEntity("_user", unmappable));
        Assert.Null(port.FindEntity("_user", accented));
    }

    [Fact]
    public void Create_SeedsRehireAndTrueDuplicate_WithTheirPortUser()
    {
        // B11
        var (people, port, summary) = SandboxSeeder.Create(42, 300, Now);

        var rehire = summary.Of(SandboxSeedKind.Rehire)[0];
        var duplicate = summary.Of(SandboxSeedKind.DuplicateEmail)[0];

        Assert.Equal([false, true], rehire.EmployeeIds.Select(id => people.Find(id)!.IsActive));
        Assert.Equal(rehire.HiBobEmails[0], rehire.HiBobEmails[1]);
        var rehireUser = port.FindEntity("_user", rehire.PortIdentifier!)!;
        Assert.Equal("Active", rehireUser.Properties["status"]!.GetValue<string>());
        Assert.All(duplicate.EmployeeIds, id => Assert.True(people.Find(id)!.IsActive));
        Assert.NotEqual(duplicate.HiBobEmails[0], duplicate.HiBobEmails[1]);
        Assert.Equal(duplicate.HiBobEmails[0], duplicate.HiBobEmails[1], StringComparer.OrdinalIgnoreCase);
        Assert.NotNull(port.FindEntity("_user", duplicate.PortIdentifier!));
    }

    [Fact]
    public void Create_SeedsLeaversWithActiveDisabledOrNoUser()
    {
        // B02
        var (people, port, summary) = SandboxSeeder.Create(42, 300, Now);

        string? UserStatus(SandboxSeedPerson person) =>
            person.PortIdentifier is null ? null
            : port.FindEntity("_user", person.PortIdentifier)!.Properties["status"]!.GetValue<string>();

        foreach (var (kind, status) in new (SandboxSeedKind, string?)[]
        {
            (SandboxSeedKind.LeaverWithActiveUser, "Active"),
            (SandboxSeedKind.LeaverWithDisabledUser, "Disabled"),
            (SandboxSeedKind.LeaverWithoutUser, null),
        })
        {
            Assert.All(summary.Of(kind), leaver =>
            {
                var record = people.Find(leaver.EmployeeIds[0])!;
                Assert.False(record.IsActive);
                Assert.Equal("terminated", record.Fields["internal.lifecycleStatus"].GetString());
                Assert.Equal(JsonValueKind.String, record.Fields["internal.terminationDate"].ValueKind);
                Assert.Equal(status, UserStatus(leaver));
            });
        }
    }

    [Fact]
    public void Create_SeedsPortOnlyContractorsAndOneServiceAccount()
    {
        var (people, port, summary) = SandboxSeeder.Create(42, 300, Now);
        var emails = people.Snapshot()
            .Select(e => e.Email?.Trim())
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var service = port.FindEntity("_user", summary.Of(SandboxSeedKind.ServiceAccount)[0].PortIdentifier!)!;

        Assert.All(summary.Of(SandboxSeedKind.PortOnly), p => Assert.DoesNotContain(p.PortIdentifier!, emails));
        Assert.Equal("Service Account", service.Properties["port_type"]!.GetValue<string>());
        Assert.EndsWith("@serviceaccounts.getport.io", service.Identifier, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_Gives19DigitIdsAndRealisticFields_ToEveryEmployee()
    {
        var (people, _, _) = SandboxSeeder.Create(42, 300, Now);

        var employees = people.Snapshot();

        Assert.Equal(employees.Length, employees.Select(e => e.Id).Distinct().Count());
        Assert.All(employees, e =>
        {
            Assert.Matches("^[1-9][0-9]{18}$", e.Id);
            Assert.Matches(
                @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}$",
                e.Fields["root.creationDateTime"].GetString()!);
            Assert.Equal(JsonValueKind.Number, e.Fields["root.companyId"].ValueKind);
            Assert.Equal(
                $"{e.Fields["root.firstName"].GetString()} {e.Fields["root.surname"].GetString()}",
                e.Fields["root.displayName"].GetString());
            Assert.NotNull(HiBobFieldCatalog.ItemName(e.Fields["work.department"].GetString()!));
            Assert.Matches("^P", e.Fields["work.durationOfEmployment"].GetProperty("periodISO").GetString()!);
        });
        Assert.All(
            employees.Select(e => e.Email?.Trim()).OfType<string>().Where(e => e.Length > 0),
            email => Assert.Matches("@(example\\.com|example\\.org)$", email.ToLowerInvariant()));
    }

    [Fact]
    public void Create_LeavesAnEmptyOrganisationWithTheStartDataModel_WhenCountIsZero()
    {
        var (people, port, summary) = SandboxSeeder.Create(42, 0, Now);

        Assert.Equal(0, people.Count);
        Assert.Empty(port.Entities("_user"));
        Assert.True(port.HasBlueprint("_user"));
        Assert.False(port.HasBlueprint("hibob_user"));
        Assert.Empty(summary.People);
    }

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            write(writer);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    [Fact]
    public void Between_WritesHiBobsDurationForm()
    {
        var duration = EmploymentDuration.Between(new DateOnly(2016, 11, 24), new DateOnly(2026, 3, 2));

        Assert.Equal(
            """{"periodISO":"P9Y3M6D","sortFactor":3385,"humanize":"9 years, 3 months and 6 days"}""",
            duration.ToJsonString());
    }
}
