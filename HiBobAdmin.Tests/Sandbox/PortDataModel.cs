using System.Net;

namespace HiBobAdmin.Tests.Sandbox;

/// <summary>Sets up the data model the app's setup creates, through the API, for the Port sandbox tests.</summary>
internal static class PortDataModel
{
    public const string HibobUserBlueprint = """
        {"identifier":"hibob_user","title":"HiBob user","icon":"User",
         "schema":{"properties":{
           "id":{"type":"string","title":"Id"},
           "email":{"type":"string","title":"Email"},
           "displayName":{"type":"string","title":"Display name"},
           "state":{"type":"string","title":"State"},
           "isManager":{"type":"boolean","title":"Is manager"}},
           "required":[]},
         "relations":{}}
        """;

    // The whole maps, as a safe client sends them after reading _user: the customer's office relation and
    // mirror property are kept next to the new ones.
    public const string UserRelationPatch = """
        {"relations":{
           "office":{"title":"Office","target":"office","required":false,"many":false},
           "hibob_user":{"title":"HiBob user","target":"hibob_user","required":false,"many":false}},
         "mirrorProperties":{
           "office_city":{"title":"Office city","path":"office.city"},
           "hibob_display_name":{"title":"HiBob display name","path":"hibob_user.displayName"}}}
        """;

    public static async Task CreateAsync(HttpClient port)
    {
        using var created = await SandboxHttp.PostAsync(port, "v1/blueprints", HibobUserBlueprint);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var patched = await SandboxHttp.PatchAsync(port, "v1/blueprints/_user", UserRelationPatch);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
    }
}
