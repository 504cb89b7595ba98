using System.Globalization;
using HiBobAdmin.Matching;

namespace HiBobAdmin.Benchmarks;

/// <summary>
/// A deterministic organisation of <c>n</c> employees and as many Port users, shaped like a tenant in steady
/// state with some drift: most people matched and linked, some entities stale, some links missing, some case
/// differences, leavers and people on one side only, so every branch of the reconciler does work.
/// </summary>
internal static class SyntheticPeople
{
    private static readonly string[] Departments = ["Engineering", "Sales", "Finance", "People", "Support"];
    private static readonly string[] AccountStatuses = ["Active", "Active", "Active", "Invited", "Disabled"];

    public static ReconcileInput Create(int count)
    {
        var employees = new List<Employee>(count);
        var portUsers = new List<PortUser>(count);
        var entities = new List<HibobUserEntity>(count);
        for (var i = 0; i < count; i++)
        {
            var id = (100_000 + i).ToString(CultureInfo.InvariantCulture);
            var email = $"person{i}@example.com";
            var active = i % 25 != 0;
            var employee = new Employee
            {
                Id = id,
                Email = i % 50 == 7 ? email.ToUpperInvariant() : email,
                IsActive = active,
                Status = active ? "Active" : "Inactive",
                DisplayName = $"Person {i}",
                FirstName = "Person",
                Surname = i.ToString(CultureInfo.InvariantCulture),
                FullName = $"Person {i}",
                CompanyId = "640412",
                CreationDateTime = "2024-01-02T03:04:05",
                IsManager = i % 10 == 0,
                Department = Departments[i % Departments.Length],
                WorkTitle = "Engineer",
            };

            // 3% are in HiBob only; 3% of Port users have no employee (another address).
            var portEmail = i % 33 == 1 ? $"contractor{i}@example.com" : email;
            var linked = i % 20 != 3 ? id : null;
            portUsers.Add(new PortUser(portEmail, employee.Name, AccountStatuses[i % AccountStatuses.Length], "Standard", linked));
            employees.Add(employee);

            // 10% have no entity yet, 5% have a stale one.
            if (i % 10 != 5)
            {
                var entity = HibobUserMapper.FromEmployee(employee);
                if (i % 20 == 9)
                {
                    entity = entity with { Properties = entity.Properties with { Department = "Old department" } };
                }

                entities.Add(entity);
            }
        }

        return new ReconcileInput(employees, portUsers, entities, CreateMissingPortUsers: true);
    }
}
