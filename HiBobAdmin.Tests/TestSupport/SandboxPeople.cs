using System.Text.Json.Nodes;
using HiBobAdmin.HiBob;
using HiBobAdmin.Sandbox;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>Puts the small organisations of the bug cases into the sandbox.</summary>
public static class SandboxPeople
{
    /// <summary>
    /// Adds an employee with every requested field present: the given values, and JSON null elsewhere. (A field
    /// absent from every employee is what HiBob does when the service user may not read it, which stops a run.)
    /// </summary>
    public static string AddEmployee(this SandboxState sandbox, string id, string? email, string status = "Active")
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        var fields = new JsonObject();
        foreach (var field in HiBobFields.Requested)
        {
            fields[field] = null;
        }

        fields[HiBobFields.Id] = id;
        fields[HiBobFields.Email] = email;
        fields[HiBobFields.Status] = status;
        fields[HiBobFields.DisplayName] = $"Person {id}";
        return sandbox.AddEmployee(fields);
    }

    /// <summary>Adds a Port user as Port holds it: identifier, managed properties, optionally a relation.</summary>
    public static void AddPortUser(this SandboxState sandbox, string identifier, string status = "Active", string? linkedTo = null)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        sandbox.PutPortEntity("_user", new JsonObject
        {
            ["identifier"] = identifier,
            ["title"] = identifier,
            ["properties"] = new JsonObject
            {
                ["status"] = status,
                ["port_role"] = "Member",
                ["port_type"] = "Standard",
            },
            ["relations"] = linkedTo is null ? new JsonObject() : new JsonObject { ["hibob_user"] = linkedTo },
        });
    }

    public static string? RelationOf(this SandboxState sandbox, string userIdentifier)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        return sandbox.GetPortEntity("_user", userIdentifier)?["relations"]?["hibob_user"]?.GetValue<string>();
    }

    public static string? PropertyOf(this SandboxState sandbox, string blueprint, string identifier, string property)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        return sandbox.GetPortEntity(blueprint, identifier)?["properties"]?[property]?.ToString();
    }
}
