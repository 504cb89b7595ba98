using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

// The generator only has to be reproducible from the seed; nothing here is a security decision.
#pragma warning disable CA5394

namespace HiBobAdmin.Sandbox;

/// <summary>
/// Builds the seeded organisation: a pure function of the seed, the size and the as-of date, so two runs with the
/// same inputs produce the same people, ids and emails.
/// </summary>
internal sealed class SandboxSeeder : IDisposable
{
    public const long CompanyId = 640412;

    private const double PortUsersPerEmployee = 1.07;

    private readonly Random _random;
    private readonly DateOnly _asOf;
    private readonly DateTimeOffset _now;
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly HashSet<string> _emails = new(StringComparer.OrdinalIgnoreCase);
    // Records are written straight to JSON and parsed once at the end: building, serialising and parsing tens of
    // thousands of JSON nodes one by one made a 50k seed several times slower.
    private readonly ArrayBufferWriter<byte> _records = new();
    private readonly Utf8JsonWriter _writer;
    private readonly List<SandboxSeedPerson> _people = [];
    private readonly PortCatalog _port = new();

    private SandboxSeeder(int seed, DateTimeOffset now)
    {
        _random = new Random(seed);
        _now = now;
        _asOf = DateOnly.FromDateTime(now.UtcDateTime);
        _writer = new Utf8JsonWriter(_records);
        _writer.WriteStartArray();
    }

    public void Dispose() => _writer.Dispose();

    /// <summary>
    /// Seeds about <paramref name="employeeCount"/> HiBob records (at least one of every kind when the count is
    /// positive) and about 1.07 Port users per record; 0 gives an empty organisation with the start data model.
    /// </summary>
    public static (HiBobPeople People, PortCatalog Port, SandboxSeedSummary Summary) Create(
        int seed,
        int employeeCount,
        DateTimeOffset now)
    {
        using var seeder = new SandboxSeeder(seed, now);
        seeder.AddDataModel();
        if (employeeCount > 0)
        {
            seeder.AddPeople(employeeCount);
        }

        return seeder.Finish();
    }

    private void AddDataModel()
    {
        var office = PortCatalog.NewBlueprint("office", _now);
        office["title"] = "Office";
        office["icon"] = "Home";
        office["schema"]!["properties"]!["city"] = new JsonObject { ["type"] = "string", ["title"] = "City" };
        _port.AddBlueprint(office);
        foreach (var (identifier, city) in SandboxNames.Offices)
        {
            _port.PutEntity("office", new PortEntity
            {
                Identifier = identifier,
                Title = city,
                Properties = new JsonObject { ["city"] = city },
                CreatedAt = _now,
                UpdatedAt = _now,
            });
        }

        // _user as Port ships it (four managed properties), plus one relation and mirror property a customer
        // added, so a client that overwrites the relation maps instead of merging them is caught.
        var user = PortCatalog.NewBlueprint(PortCatalog.UserBlueprint, _now);
        user["title"] = "User";
        user["icon"] = "User";
        var properties = user["schema"]!["properties"]!.AsObject();
        properties["status"] = new JsonObject
        {
            ["type"] = "string",
            ["title"] = "Status",
            ["enum"] = new JsonArray("Active", "Invited", "Staged", "Disabled"),
        };
        properties["port_role"] = new JsonObject { ["type"] = "string", ["title"] = "Port Role" };
        properties["port_type"] = new JsonObject { ["type"] = "string", ["title"] = "Port Type" };
        properties["moderated_blueprints"] = new JsonObject
        {
            ["type"] = "array",
            ["title"] = "Moderated Blueprints",
            ["items"] = new JsonObject { ["type"] = "string" },
        };
        user["relations"]!["office"] = new JsonObject
        {
            ["title"] = "Office",
            ["target"] = "office",
            ["required"] = false,
            ["many"] = false,
        };
        user["mirrorProperties"]!["office_city"] = new JsonObject
        {
            ["title"] = "Office city",
            ["path"] = "office.city",
        };
        _port.AddBlueprint(user);
    }

    private void AddPeople(int employeeCount)
    {
        int Share(double fraction) => Math.Max(1, (int)Math.Round(employeeCount * fraction));

        var caseDiffers = Share(0.02);
        var padded = Share(0.02);
        var hibobOnly = Share(0.03);
        var leaversActive = Share(0.02);
        var leaversDisabled = Share(0.02);
        var leaversWithoutUser = Share(0.02);
        const int noEmail = 3, unmappable = 1, accented = 1, rehireRecords = 2, duplicateRecords = 2;
        var specialRecords = caseDiffers + padded + hibobOnly + leaversActive + leaversDisabled + leaversWithoutUser
            + noEmail + unmappable + accented + rehireRecords + duplicateRecords;
        var matched = Math.Max(0, employeeCount - specialRecords);

        for (var i = 0; i < matched; i++)
        {
            AddMatched(SandboxSeedKind.Matched, MatchedStatus());
        }

        for (var i = 0; i < caseDiffers; i++)
        {
            AddMatched(SandboxSeedKind.MatchedCaseDiffers, "Active");
        }

        for (var i = 0; i < padded; i++)
        {
            AddMatched(SandboxSeedKind.MatchedPaddedEmail, "Active");
        }

        for (var i = 0; i < hibobOnly; i++)
        {
            var (first, last) = Name();
            var id = AddEmployee(first, last, Email(first, last, "example.com"), active: true);
            _people.Add(Person(SandboxSeedKind.HiBobOnly, [id], null, null));
        }

        AddNoEmail();
        AddSingle(SandboxSeedKind.UnmappableEmail, "Siobhan", "O'Connor", "siobhan.o'connor@example.com");
        AddSingle(SandboxSeedKind.AccentedEmail, "Renée", "Sjöberg", "renée.sjöberg@example.com");
        AddRehire();
        AddDuplicate();
        for (var i = 0; i < leaversActive; i++)
        {
            AddLeaver(SandboxSeedKind.LeaverWithActiveUser, "Active");
        }

        for (var i = 0; i < leaversDisabled; i++)
        {
            AddLeaver(SandboxSeedKind.LeaverWithDisabledUser, "Disabled");
        }

        for (var i = 0; i < leaversWithoutUser; i++)
        {
            AddLeaver(SandboxSeedKind.LeaverWithoutUser, null);
        }

        AddServiceAccount();
        var portUsers = (int)Math.Round(employeeCount * PortUsersPerEmployee);
        var portOnly = Math.Max(1, portUsers - _port.Entities(PortCatalog.UserBlueprint).Count);
        for (var i = 0; i < portOnly; i++)
        {
            var (first, last) = Name();
            var email = Email(first, last, "example.org");
            var status = PortOnlyStatus(i);
            AddUser(email, $"{first} {last}", status);
            _people.Add(new SandboxSeedPerson(SandboxSeedKind.PortOnly, [], [], email, status));
        }
    }

    private void AddMatched(SandboxSeedKind kind, string status)
    {
        var (first, last) = Name();
        var email = Email(first, last, "example.com");
        var (hibobEmail, portIdentifier) = kind switch
        {
            SandboxSeedKind.MatchedCaseDiffers => (email, Capitalised(email)),
            SandboxSeedKind.MatchedPaddedEmail => (Padded(email), email),
            _ => (email, email),
        };
        var id = AddEmployee(first, last, hibobEmail, active: true);
        AddUser(portIdentifier, $"{first} {last}", status);
        _people.Add(Person(kind, [id], portIdentifier, status));
    }

    private void AddNoEmail()
    {
        foreach (var variant in (string[])["null", "absent", "blank"])
        {
            var (first, last) = Name();
            var email = variant == "blank" ? "   " : null;
            var id = AddEmployee(first, last, email, active: true, emailAbsent: variant == "absent");

            _people.Add(Person(SandboxSeedKind.NoEmail, [id], null, null));
        }
    }

    private void AddSingle(SandboxSeedKind kind, string first, string last, string email)
    {
        _emails.Add(email);
        var id = AddEmployee(first, last, email, active: true);
        _people.Add(Person(kind, [id], null, null));
    }

    private void AddRehire()
    {
        var (first, last) = Name();
        var email = Email(first, last, "example.com");
        var formerId = AddEmployee(first, last, email, active: false, startedYearsAgo: 6);
        var currentId = AddEmployee(first, last, email, active: true);
        AddUser(email, $"{first} {last}", "Active");
        _people.Add(Person(SandboxSeedKind.Rehire, [formerId, currentId], email, "Active"));
    }

    private void AddDuplicate()
    {
        var (first, last) = Name();
        var email = Email(first, last, "example.com");
        var firstId = AddEmployee(first, last, email, active: true);
        var secondId = AddEmployee(first, last, Capitalised(email), active: true);
        AddUser(email, $"{first} {last}", "Active");
        _people.Add(Person(SandboxSeedKind.DuplicateEmail, [firstId, secondId], email, "Active"));
    }

    private void AddLeaver(SandboxSeedKind kind, string? userStatus)
    {
        var (first, last) = Name();
        var email = Email(first, last, "example.com");
        var id = AddEmployee(first, last, email, active: false);
        if (userStatus is not null)
        {
            AddUser(email, $"{first} {last}", userStatus);
        }

        _people.Add(Person(kind, [id], userStatus is null ? null : email, userStatus));
    }

    private void AddServiceAccount()
    {
        const string identifier = "ci-deployer@serviceaccounts.getport.io";
        AddUser(identifier, "CI Deployer", "Active", portType: "Service Account");
        _people.Add(new SandboxSeedPerson(SandboxSeedKind.ServiceAccount, [], [], identifier, "Active"));
    }

    // Emails are filled in when the seed is finished, once every record has its final form.
    private static SandboxSeedPerson Person(
        SandboxSeedKind kind,
        string[] ids,
        string? portIdentifier,
        string? status) => new(kind, ids, [], portIdentifier, status);

    private string AddEmployee(
        string first,
        string last,
        string? email,
        bool active,
        int? startedYearsAgo = null,
        bool emailAbsent = false)
    {
        var id = NewId();
        var daysAgo = startedYearsAgo is { } years ? years * 365 : _random.Next(active ? 30 : 200, 9 * 365);
        var start = _asOf.AddDays(-daysAgo);
        DateOnly? terminated = active ? null
            : startedYearsAgo is not null ? start.AddDays(3 * 365)
            : _asOf.AddDays(-_random.Next(1, Math.Min(700, daysAgo - 100)));

        var created = start.AddDays(-_random.Next(7, 60))
            .ToDateTime(new TimeOnly(_random.Next(7, 18), _random.Next(60)))
            .AddTicks(_random.Next(0, 10_000_000));
        var departments = HiBobFieldCatalog.Lists[HiBobFieldCatalog.DepartmentList];
        var titles = HiBobFieldCatalog.Lists[HiBobFieldCatalog.TitleList];
        var w = _writer;
        w.WriteStartObject();
        w.WriteString(SandboxEmployee.IdField, id);
        if (!emailAbsent)
        {
            w.WriteString(SandboxEmployee.EmailField, email);
        }

        w.WriteString("root.firstName", first);
        w.WriteString("root.surname", last);
        w.WriteString("root.displayName", $"{first} {last}");
        w.WriteString("root.fullName", $"{first} {last}");
        w.WriteString("root.avatarUrl", $"https://images.example.com/avatars/{id}.png");
        w.WriteString(
            "root.coverImageUrl",
            _random.Next(4) == 0 ? $"https://images.example.com/covers/{id}.jpg" : null);
        w.WriteNumber("root.companyId", CompanyId);
        w.WriteString(
            "root.creationDateTime",
            created.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture));
        w.WriteBoolean("work.isManager", _random.Next(100) < 15);
        w.WriteString("work.title", titles[_random.Next(titles.Count)].Id);
        w.WriteString("work.department", departments[_random.Next(departments.Count)].Id);
        w.WriteString("work.startDate", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WritePropertyName("work.durationOfEmployment");
        EmploymentDuration.Between(start, terminated ?? _asOf).WriteTo(w);
        w.WriteString(SandboxEmployee.StatusField, active ? "Active" : "Inactive");
        w.WriteString("internal.lifecycleStatus", active ? "employed" : "terminated");
        w.WriteString("internal.terminationDate", terminated?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteEndObject();
        return id;
    }

    private void AddUser(string identifier, string title, string status, string portType = "Standard")
    {
        var relations = new JsonObject();
        if (_random.Next(10) < 3)
        {
            relations["office"] = SandboxNames.Offices[_random.Next(SandboxNames.Offices.Count)].Identifier;
        }

        _port.PutEntity(PortCatalog.UserBlueprint, new PortEntity
        {
            Identifier = identifier,
            Title = title,
            Properties = new JsonObject
            {
                ["status"] = status,
                ["port_role"] = _random.Next(50) == 0 ? "Admin" : "Member",
                ["port_type"] = portType,
                ["moderated_blueprints"] = new JsonArray(),
            },
            Relations = relations,
            CreatedAt = _now,
            UpdatedAt = _now,
        });
    }

    private string MatchedStatus() => _random.Next(100) switch
    {
        < 88 => "Active",
        < 96 => "Invited",
        < 98 => "Staged",
        _ => "Disabled",
    };

    // The first three Port-only users pin one of each non-active status, so even a tiny seed has them all.
    private static string PortOnlyStatus(int index) => index switch
    {
        0 => "Staged",
        1 => "Invited",
        2 => "Disabled",
        _ => (index % 10) switch
        {
            < 6 => "Active",
            < 8 => "Invited",
            9 => "Disabled",
            _ => "Staged",
        },
    };

    private (string First, string Last) Name() =>
        (SandboxNames.FirstNames[_random.Next(SandboxNames.FirstNames.Count)],
            SandboxNames.Surnames[_random.Next(SandboxNames.Surnames.Count)]);

    private string Email(string first, string last, string domain)
    {
        var local = $"{first}.{last}".ToLowerInvariant();
        var email = $"{local}@{domain}";
        for (var n = 2; !_emails.Add(email); n++)
        {
            email = $"{local}{n.ToString(CultureInfo.InvariantCulture)}@{domain}";
        }

        return email;
    }

    private string NewId()
    {
        string id;
        do
        {
            id = _random.NextInt64(1_000_000_000_000_000_000, long.MaxValue).ToString(CultureInfo.InvariantCulture);
        }
        while (!_ids.Add(id));

        return id;
    }

    private static string Capitalised(string email)
    {
        var at = email.IndexOf('@', StringComparison.Ordinal);
        var parts = email[..at].Split('.');
        var capitalised = parts.Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]);
        return string.Join('.', capitalised) + email[at..];
    }

    private string Padded(string email) =>
        (_random.Next(2) == 0 ? "  " : " ")
        + Capitalised(email).Replace("@example.com", "@Example.COM", StringComparison.Ordinal)
        + (_random.Next(2) == 0 ? " " : "   ");

    private void Shuffle<T>(List<T> items)
    {
        for (var i = items.Count - 1; i > 0; i--)
        {
            var j = _random.Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    private (HiBobPeople People, PortCatalog Port, SandboxSeedSummary Summary) Finish()
    {
        _writer.WriteEndArray();
        _writer.Flush();
        var employees = HiBobPeople.FromFieldMaps(JsonElement.Parse(_records.WrittenSpan));
        Shuffle(employees);
        var people = new HiBobPeople();
        foreach (var employee in employees)
        {
            people.Add(employee);
        }

        var emailById = employees.ToDictionary(
            employee => employee.Id,
            employee => employee.Email,
            StringComparer.Ordinal);
        var seeded = _people
            .Select(person => person with { HiBobEmails = [.. person.EmployeeIds.Select(id => emailById[id])] })
            .ToArray();
        var users = _port.Entities(PortCatalog.UserBlueprint);
        var statuses = users
            .GroupBy(user => user.Properties["status"]?.GetValue<string>() ?? string.Empty, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        var summary = new SandboxSeedSummary(
            employees.Count,
            employees.Count(employee => employee.IsActive),
            users.Count,
            statuses,
            seeded);
        return (people, _port, summary);
    }
}
