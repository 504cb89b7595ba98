using HiBobAdmin.Matching;
using static HiBobAdmin.Tests.Matching.MatchingFixture;

namespace HiBobAdmin.Tests.Matching;

public sealed class ReconcilerScaleTests
{
    private const int EmployeeCount = 1000;
    private const int PortOnlyCount = 50;
    private const int ServiceAccountCount = 10;

    [Fact]
    public void Reconcile_PlansExpectedCounts_WhenOrganisationHasThousandEmployees()
    {
        var (input, expected) = Generate();

        var result = Reconciler.Reconcile(input);

        var plan = result.Plan;
        Assert.Equal(expected.Rows, result.People.Count);
        Assert.Equal(expected.Statuses, CountBy(result.People.Select(r => r.Status)));
        Assert.Equal(expected.EntityWrites, CountBy(plan.HibobUserWrites.Select(w => w.Kind)));
        Assert.Equal(expected.LinkWrites, CountBy(plan.UserLinkWrites.Select(w => w.Kind)));
        Assert.Equal(expected.Skipped, plan.Skipped.Count);
        Assert.Equal(expected.Unchanged, plan.Unchanged);
        Assert.Equal(
            plan.HibobUserWrites.Count,
            plan.HibobUserWrites.Select(w => w.Entity.Identifier).Distinct().Count());
        Assert.Equal(
            plan.UserLinkWrites.Count,
            plan.UserLinkWrites.Select(w => w.PortUserIdentifier).Distinct().Count());
    }

    [Fact]
    public void Reconcile_PlansNoWrites_WhenRunAgainOnAppliedState()
    {
        var (input, expected) = Generate();
        var first = Reconciler.Reconcile(input);

        var second = Reconciler.Reconcile(Apply(input, first.Plan));

        Assert.Equal(0, second.Plan.WriteCount);
        Assert.Empty(second.Plan.HibobUserWrites);
        Assert.Empty(second.Plan.UserLinkWrites);
        var linkedNow = expected.Statuses.GetValueOrDefault(LinkStatus.Matched)
            + expected.Statuses.GetValueOrDefault(LinkStatus.PendingLink)
            + expected.Statuses.GetValueOrDefault(LinkStatus.HiBobOnly);
        Assert.Equal(linkedNow, second.People.Count(r => r.Status == LinkStatus.Matched));
    }

    [Fact]
    public void Reconcile_PlansNoWrites_WhenRunAgainWithCreatingOff()
    {
        var (generated, _) = Generate();
        var input = generated with { CreateMissingPortUsers = false };
        var first = Reconciler.Reconcile(input);

        var second = Reconciler.Reconcile(Apply(input, first.Plan));

        Assert.DoesNotContain(first.Plan.UserLinkWrites, w => w.Kind == UserLinkKind.CreateAndLink);
        Assert.Equal(0, second.Plan.WriteCount);
        Assert.Equal(first.Plan.Skipped.Count, second.Plan.Skipped.Count);
    }

    [Fact]
    public void Reconcile_ListsTenIdsAndCountsTheRest_WhenManyEmployeesShareOneEmail()
    {
        var employees = Enumerable.Range(1000, 1000).Select(i => Active($"{i}", "hr@example.com")).ToList();

        var result = Reconciler.Reconcile(Input(employees, [User("hr@example.com")]));

        Assert.Equal(1000, result.People.Count(r => r.Status == LinkStatus.DuplicateEmail));
        Assert.Equal(
            "The active employees 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, 1008, 1009 and 990 more "
            + "share the email hr@example.com in HiBob, so none of them is linked until each has their own email.",
            result.RowOf("1500").Reason);
        Assert.Empty(result.Plan.UserLinkWrites);
    }

    private static Dictionary<TKey, int> CountBy<TKey>(IEnumerable<TKey> keys)
        where TKey : notnull =>
        keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>
    /// Ten kinds of employee, cycled; each kind adds what it should produce to the expectation, so the expected
    /// counts come from how the data was built and not from the reconciler.
    /// </summary>
    private static (ReconcileInput Input, Expectation Expected) Generate()
    {
        var random = new Random(20240327);
        var employees = new List<Employee>();
        var users = new List<PortUser>();
        var entities = new List<HibobUserEntity>();
        var expected = new Expectation();

        for (var i = 0; i < EmployeeCount; i++)
        {
            var id = (3332883884017700000L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var email = $"person{i}@example.com";
            var spelled = random.Next(2) == 0 ? email : email.ToUpperInvariant();
            var name = $"Person {i}";
            switch (i % 10)
            {
                case 0:
                    var leaver = Inactive(id, spelled, name);
                    employees.Add(leaver);
                    entities.Add(EntityOf(leaver with { IsActive = true }));
                    users.Add(User(email, status: "Active"));
                    expected.Add(LinkStatus.Leaver, HibobUserWriteKind.StateOnly);
                    break;
                case 1:
                    employees.Add(Active(id, random.Next(2) == 0 ? null : "  ", name));
                    expected.Add(LinkStatus.NoEmail, HibobUserWriteKind.Create, skipped: 1);
                    break;
                case 2:
                    var matched = Active(id, spelled, name);
                    employees.Add(matched);
                    entities.Add(EntityOf(matched));
                    users.Add(User(email, linkedTo: id));
                    expected.Add(LinkStatus.Matched, unchanged: 2);
                    break;
                case 3:
                    var pending = Active(id, email, name);
                    employees.Add(pending);
                    entities.Add(EntityOf(pending with { WorkTitle = "old title" }));
                    users.Add(User(spelled));
                    expected.Add(LinkStatus.PendingLink, HibobUserWriteKind.Update, UserLinkKind.Link);
                    break;
                case 4:
                    employees.Add(Active(id, spelled, name));
                    expected.Add(LinkStatus.HiBobOnly, HibobUserWriteKind.Create, UserLinkKind.CreateAndLink);
                    break;
                case 5:
                    employees.Add(Active(id, email, name));
                    users.Add(User(email, linkedTo: "9" + id));
                    expected.Add(LinkStatus.PendingLink, HibobUserWriteKind.Create, UserLinkKind.Relink);
                    break;
                case 6:
                    employees.Add(Active(id, $"person {i}@example.com", name));
                    expected.Add(LinkStatus.UnmappableEmail, HibobUserWriteKind.Create, skipped: 1);
                    break;
                case 7:
                    employees.Add(Inactive(id, email, name));
                    expected.Add(LinkStatus.Leaver, skipped: 1);
                    break;
                case 8:
                    employees.Add(Active(id, $"twin{i}@example.com", name));
                    expected.Add(LinkStatus.DuplicateEmail, HibobUserWriteKind.Create, skipped: 1);
                    break;
                default:
                    employees.Add(Active(id, $" TWIN{i - 1}@Example.com", name));
                    expected.Add(LinkStatus.DuplicateEmail, HibobUserWriteKind.Create, skipped: 1);
                    break;
            }
        }

        for (var i = 0; i < PortOnlyCount; i++)
        {
            users.Add(User($"contractor{i}@example.com"));
            expected.Add(LinkStatus.PortOnly);
        }

        for (var i = 0; i < ServiceAccountCount; i++)
        {
            users.Add(ServiceAccount($"bot{i}@example.com"));
        }

        var input = Input(employees.OrderBy(_ => random.Next()), users.OrderBy(_ => random.Next()), entities);
        return (input, expected);
    }

    private sealed class Expectation
    {
        public int Rows { get; private set; }

        public Dictionary<LinkStatus, int> Statuses { get; } = [];

        public Dictionary<HibobUserWriteKind, int> EntityWrites { get; } = [];

        public Dictionary<UserLinkKind, int> LinkWrites { get; } = [];

        public int Skipped { get; private set; }

        public int Unchanged { get; private set; }

        public void Add(
            LinkStatus status,
            HibobUserWriteKind? entityWrite = null,
            UserLinkKind? linkWrite = null,
            int skipped = 0,
            int unchanged = 0)
        {
            Rows++;
            Statuses[status] = Statuses.GetValueOrDefault(status) + 1;
            if (entityWrite is { } kind)
            {
                EntityWrites[kind] = EntityWrites.GetValueOrDefault(kind) + 1;
            }

            if (linkWrite is { } link)
            {
                LinkWrites[link] = LinkWrites.GetValueOrDefault(link) + 1;
            }

            Skipped += skipped;
            Unchanged += unchanged;
        }
    }
}
