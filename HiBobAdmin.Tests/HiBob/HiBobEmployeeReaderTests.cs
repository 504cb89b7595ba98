using System.Text.Json;
using HiBobAdmin.HiBob;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Tests.HiBob;

public sealed class HiBobEmployeeReaderTests
{
    // Sample A of reference/hibob-api.md: machine format, nested and slash forms side by side.
    private const string SampleA = """
        {"employees":[
         {"id":"3000000000000000001","email":"ada.active@example.com","displayName":"Ada Active",
          "work":{"isManager":true},
          "internal":{"status":"Active","lifecycleStatus":"employed","terminationDate":null},
          "/root/id":{"value":"3000000000000000001"},"/root/email":{"value":"ada.active@example.com"},
          "/root/displayName":{"value":"Ada Active"},"/work/isManager":{"value":true},
          "/internal/status":{"value":"Active"},"/internal/lifecycleStatus":{"value":"employed"},
          "/internal/terminationDate":{"value":null}},
         {"id":"3000000000000000002","email":"tom.terminated@example.com","displayName":"Tom Terminated",
          "work":{"isManager":false},
          "internal":{"status":"Inactive","lifecycleStatus":"terminated","terminationDate":"2026-01-31"},
          "/root/id":{"value":"3000000000000000002"},"/root/email":{"value":"tom.terminated@example.com"},
          "/root/displayName":{"value":"Tom Terminated"},"/work/isManager":{"value":false},
          "/internal/status":{"value":"Inactive"},"/internal/lifecycleStatus":{"value":"terminated"},
          "/internal/terminationDate":{"value":"2026-01-31"}}
        ]}
        """;

    // Sample B: humanReadable REPLACE, a pre-hire without work email.
    private const string SampleB = """
        {"employees":[
         {"id":"3000000000000000003","displayName":"Nia Newhire",
          "work":{"isManager":"No"},
          "internal":{"status":"Inactive","lifecycleStatus":"Hired"}}
        ]}
        """;

    // Sample C: read by email with humanReadable APPEND, a bare employee object.
    private const string SampleC = """
        {"id":"3000000000000000001","email":"ada.active@example.com","fullName":"Ada Active",
         "work":{"durationOfEmployment":{"periodISO":"P2Y1M3D","sortFactor":764,"humanize":"2 years, 1 month and 3 days"}},
         "/root/id":{"value":"3000000000000000001"},"/root/email":{"value":"ada.active@example.com"},
         "/root/fullName":{"value":"Ada Active"},
         "/work/durationOfEmployment":{"value":{"periodISO":"P2Y1M3D","sortFactor":764,"humanize":"2 years, 1 month and 3 days"}},
         "humanReadable":{"email":"ada.active@example.com","fullName":"Ada Active",
          "work":{"durationOfEmployment":"2 years, 1 month and 3 days"}}}
        """;

    [Fact]
    public void Read_ReturnsActiveAndTerminatedEmployees_WhenSampleAHasBothForms()
    {
        var employees = EmployeesOf(SampleA);

        var result = HiBobEmployeeReader.Read(employees);

        Assert.Empty(result.Skipped);
        Assert.Collection(
            result.Employees,
            ada =>
            {
                Assert.Equal("3000000000000000001", ada.Id);
                Assert.Equal("ada.active@example.com", ada.Email);
                Assert.Equal("Ada Active", ada.Name);
                Assert.True(ada.IsActive);
                Assert.True(ada.IsManager);
                Assert.Equal("employed", ada.LifecycleStatus);
                Assert.Null(ada.TerminationDate);
            },
            tom =>
            {
                Assert.Equal("3000000000000000002", tom.Id);
                Assert.Equal("tom.terminated@example.com", tom.Email);
                Assert.False(tom.IsActive);
                Assert.Equal("Inactive", tom.Status);
                Assert.False(tom.IsManager);
                Assert.Equal("2026-01-31", tom.TerminationDate);
            });
    }

    [Fact]
    public void Read_ReadsSlashFormOnly_WhenNestedKeysAreAbsent()
    {
        var employees = EmployeesOf("""
            {"employees":[{"/root/id":{"value":"3000000000000000004"},"/root/email":{"value":" Ana.Test@Example.COM "},
              "/root/companyId":{"value":123456},"/work/isManager":{"value":false},"/work/title":{"value":"209192170"},
              "/work/durationOfEmployment":{"value":{"periodISO":"P9Y3M8D","sortFactor":3338,"humanize":"9 years"}},
              "/internal/status":{"value":"Active"}}]}
            """);

        var ana = Assert.Single(HiBobEmployeeReader.Read(employees).Employees);

        Assert.Equal("3000000000000000004", ana.Id);
        Assert.Equal("Ana.Test@Example.COM", ana.Email); // B09: trimmed, original spelling kept
        Assert.Equal("123456", ana.CompanyId);
        Assert.False(ana.IsManager);
        Assert.Equal("209192170", ana.WorkTitle);
        Assert.Equal("9 years", ana.DurationOfEmployment);
        Assert.True(ana.IsActive);
    }

    [Fact]
    public void Read_UnderstandsReplaceStrings_WhenSampleBHasNoEmail()
    {
        var employees = EmployeesOf(SampleB);

        var nia = Assert.Single(HiBobEmployeeReader.Read(employees).Employees);

        Assert.Equal("3000000000000000003", nia.Id);
        Assert.Null(nia.Email);
        Assert.Equal("Nia Newhire", nia.Name);
        Assert.False(nia.IsManager);
        Assert.False(nia.IsActive);
        Assert.Equal("Hired", nia.LifecycleStatus);
    }

    [Fact]
    public void Read_TakesHumanizedDurationFromMachineValue_WhenSampleCAppendsHumanReadable()
    {
        using var document = JsonDocument.Parse(SampleC);

        var ada = Assert.Single(HiBobEmployeeReader.Read([document.RootElement]).Employees);

        Assert.Equal("3000000000000000001", ada.Id);
        Assert.Equal("ada.active@example.com", ada.Email);
        Assert.Equal("Ada Active", ada.FullName);
        Assert.Equal("2 years, 1 month and 3 days", ada.DurationOfEmployment);
        Assert.False(ada.IsActive);
    }

    [Theory]
    [InlineData("""{"id":"1"}""")]
    [InlineData("""{"id":"1","email":null}""")]
    [InlineData("""{"id":"1","email":""}""")]
    [InlineData("""{"id":"1","email":"   "}""")]
    [InlineData("""{"id":"1","email":null,"/root/email":{"value":null}}""")]
    [InlineData("""{"/root/id":"1","/root/email":"   "}""")]
    [InlineData("""{"id":"1","email":{"address":"a@example.com"}}""")]
    [InlineData("""{"id":"1","email":["a@example.com"]}""")]
    public void Read_ReturnsNullEmail_WhenEmailIsAbsentNullBlankOrNotText(string employee)
    {
        using var document = JsonDocument.Parse(employee);

        var read = Assert.Single(HiBobEmployeeReader.Read([document.RootElement]).Employees);

        Assert.Equal("1", read.Id);
        Assert.Null(read.Email);
    }

    [Fact]
    public void Read_KeepsEveryEmployeeOfBugCaseB04_WithNullEmailForNullAndBlank()
    {
        // B04
        var employees = EmployeesOf("""
            {"employees":[{"/root/id":"1005","/root/email":null},
                          {"/root/id":"1006","/root/email":"   "},
                          {"/root/id":"1007","/root/email":"o'neil@example.com"},
                          {"/root/id":"1008","/root/email":"zoë@example.com"},
                          {"/root/id":"1009","/root/email":"eli.ok@example.com"}]}
            """);

        var result = HiBobEmployeeReader.Read(employees);

        Assert.Empty(result.Skipped);
        Assert.Equal(
            [("1005", null), ("1006", null), ("1007", "o'neil@example.com"), ("1008", "zoë@example.com"),
                ("1009", "eli.ok@example.com")],
            result.Employees.Select(e => (e.Id, e.Email)));
    }

    [Fact]
    public void Read_ReadsBareSlashStatus_WhenBugCaseB11ShapeIsGiven()
    {
        // B11
        var employees = EmployeesOf("""
            {"employees":[
             {"/root/id":"1010","/root/email":"fay.back@example.com","/internal/status":"Inactive"},
             {"/root/id":"1011","/root/email":"fay.back@example.com","/internal/status":"Active"}]}
            """);

        var result = HiBobEmployeeReader.Read(employees);

        Assert.Equal([("1010", false), ("1011", true)], result.Employees.Select(e => (e.Id, e.IsActive)));
    }

    [Fact]
    public void Read_SkipsNonObjectsAndRecordsWithoutUsableId_AndKeepsTheRest()
    {
        var longId = new string('9', 100);
        var employees = EmployeesOf($$$"""
            {"employees":["oops", 42, null, [1],
              {"email":"no.id@example.com"},
              {"id":"   "},
              {"id":"{{{longId}}}"},
              {"id":{"value":"1"}},
              {"id":"3000000000000000009","email":"kept@example.com"}]}
            """);

        var result = HiBobEmployeeReader.Read(employees);

        var kept = Assert.Single(result.Employees);
        Assert.Equal("kept@example.com", kept.Email);
        Assert.Equal(
            [
                new SkippedItem("employees[0]", "HiBob returned a string where an employee object was expected"),
                new SkippedItem("employees[1]", "HiBob returned a number where an employee object was expected"),
                new SkippedItem("employees[2]", "HiBob returned null where an employee object was expected"),
                new SkippedItem("employees[3]", "HiBob returned an array where an employee object was expected"),
                new SkippedItem("no.id@example.com", "HiBob returned an employee without an id (root.id)"),
                new SkippedItem("employees[5]", "HiBob returned an employee without an id (root.id)"),
                new SkippedItem(
                    "9999999999999999999…",
                    "HiBob returned an employee whose id (root.id) is 100 characters long; HiBob ids have 19 digits"),
                new SkippedItem("employees[7]", "HiBob returned an employee whose id (root.id) is an object, not a string"),
            ],
            result.Skipped);
    }

    [Fact]
    public void Read_TreatsWrongTypesAndOversizedTextAsMissing_WithoutThrowing()
    {
        var huge = new string('x', 5000);
        var employees = EmployeesOf($$$"""
            {"employees":[{"id":3000000000000000007,"email":"wrong.types@example.com","displayName":"{{{huge}}}",
              "fullName":{"first":"W"},"companyId":654321,"work":"not an object",
              "internal":{"status":["Active"],"terminationDate":false},
              "/work/isManager":{"value":"maybe"}}]}
            """);

        var employee = Assert.Single(HiBobEmployeeReader.Read(employees).Employees);

        Assert.Equal("3000000000000000007", employee.Id);
        Assert.Equal("wrong.types@example.com", employee.Email);
        Assert.Null(employee.DisplayName);
        Assert.Null(employee.FullName);
        Assert.Equal("654321", employee.CompanyId);
        Assert.Null(employee.IsManager);
        Assert.Null(employee.Department);
        Assert.Null(employee.Status);
        Assert.Null(employee.TerminationDate);
        Assert.False(employee.IsActive);
        Assert.Equal("3000000000000000007", employee.Name);
    }

    [Theory]
    [InlineData("\"30000 0001\"", "30000 0001", "contains a space")]
    [InlineData("\"3000\\u200b0001\"", "3000\u200b0001", "contains the character U+200B, which Port does not allow")]
    [InlineData("\"3000\\u212a0001\"", "3000\u212a0001", "contains the character U+212A, which no HiBob id holds")]
    [InlineData("\"3000\\u05e90001\"", "3000\u05e90001", "contains the character U+05E9, which no HiBob id holds")]
    [InlineData("3.5e18", "x@example.com", "is the number 3.5e18, which is not a whole id")]
    [InlineData("true", "x@example.com", "is a boolean, not a string")]
    public void Read_SkipsAnIdPortCouldNotKeyAnEntityBy_NamingWhy(string id, string subject, string why)
    {
        using var document = JsonDocument.Parse($$$"""{"id":{{{id}}},"email":"x@example.com"}""");

        var result = HiBobEmployeeReader.Read([document.RootElement]);

        Assert.Empty(result.Employees);
        var skipped = Assert.Single(result.Skipped);
        Assert.Equal(new SkippedItem(subject, $"HiBob returned an employee whose id (root.id) {why}"), skipped);
    }

    [Fact]
    public void Read_ReplacesBrokenSurrogatesAndNul_AndCutsASubjectBetweenCharacters()
    {
        using var broken = JsonDocument.Parse(
            """{"id":"300000000000000000\ud83d\ude00\u00a0","email":"ann@example.com"}""");
        using var valid = JsonDocument.Parse(
            """{"id":"3000000000000000001","email":12345,"displayName":"Ann \ud83d","surname":"O\u0000K \ud83d\ude00"}""");

        var skipped = Assert.Single(HiBobEmployeeReader.Read([broken.RootElement]).Skipped);
        var employee = Assert.Single(HiBobEmployeeReader.Read([valid.RootElement]).Employees);

        Assert.Equal("300000000000000000…", skipped.Subject);
        Assert.Null(employee.Email);
        Assert.Equal("Ann \uFFFD", employee.DisplayName);
        Assert.Equal("O\uFFFDK \U0001F600", employee.Surname);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("\"Yes\"", true)]
    [InlineData("\"No\"", false)]
    [InlineData("\"true\"", true)]
    [InlineData("\"FALSE\"", false)]
    [InlineData("null", null)]
    [InlineData("1", null)]
    public void Read_MapsIsManager_FromBooleanOrHumanText(string value, bool? expected)
    {
        using var document = JsonDocument.Parse($$$"""{"id":"1","work":{"isManager":{{{value}}}}}""");

        var employee = Assert.Single(HiBobEmployeeReader.Read([document.RootElement]).Employees);

        Assert.Equal(expected, employee.IsManager);
    }

    [Theory]
    [InlineData("active", true)]
    [InlineData("ACTIVE", true)]
    [InlineData("Inactive", false)]
    [InlineData("", false)]
    public void Read_SetsIsActive_OnlyWhenStatusIsActiveInAnyCase(string status, bool expected)
    {
        using var document = JsonDocument.Parse($$$"""{"id":"1","internal":{"status":"{{{status}}}"}}""");

        var employee = Assert.Single(HiBobEmployeeReader.Read([document.RootElement]).Employees);

        Assert.Equal(expected, employee.IsActive);
    }

    [Fact]
    public void FieldsMissingFromAll_NamesOnlyFieldsAbsentFromEveryEmployee_WhenNullCountsAsPresent()
    {
        var employees = EmployeesOf("""
            {"employees":[{"id":"1","email":null,"work":{}},
                          {"id":"2","/work/title":{"value":null},"internal":{"status":"Active"}},
                          "not an employee"]}
            """);

        var missing = HiBobEmployeeReader.FieldsMissingFromAll([.. employees.Select(HiBobEmployeeReader.Reduce)]);

        Assert.Equal(
            HiBobFields.Requested.Except([HiBobFields.Id, HiBobFields.Email, HiBobFields.Title, HiBobFields.Status]),
            missing);
        Assert.Contains(HiBobFields.Department, missing);
    }

    [Fact]
    public void FieldsMissingFromAll_ReturnsNothing_WhenNoElementIsAnEmployeeObject()
    {
        var employees = EmployeesOf("""{"employees":["not an employee", 7, null]}""");

        Assert.Empty(HiBobEmployeeReader.FieldsMissingFromAll([]));
        Assert.Empty(HiBobEmployeeReader.FieldsMissingFromAll([.. employees.Select(HiBobEmployeeReader.Reduce)]));
    }

    private static List<JsonElement> EmployeesOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.GetProperty("employees").EnumerateArray().Select(e => e.Clone())];
    }
}
