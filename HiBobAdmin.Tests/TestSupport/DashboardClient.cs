using System.Net;
using System.Text.RegularExpressions;

namespace HiBobAdmin.Tests.TestSupport;

/// <summary>
/// An HTTP client for the dashboard that keeps cookies and does not follow redirects, so a test sees each 302; with
/// helpers that post the sign-in and change-password forms as a browser would (antiforgery token included).
/// </summary>
internal static partial class DashboardClient
{
    public static HttpClient Create(Uri baseAddress, CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = baseAddress,
        };

    /// <summary>Posts the sign-in form; returns the response (302 to the next page on success).</summary>
    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string userName, string password) =>
        client.PostFormAsync("/signin", "/account/signin", new()
        {
            ["UserName"] = userName,
            ["Password"] = password,
            ["ReturnUrl"] = "/",
        });

    public static Task<HttpResponseMessage> ChangePasswordAsync(
        this HttpClient client,
        string current,
        string next,
        string? confirm = null) =>
        client.PostFormAsync("/account/password", "/account/change-password", new()
        {
            ["CurrentPassword"] = current,
            ["NewPassword"] = next,
            ["ConfirmPassword"] = confirm ?? next,
        });

    /// <summary>Reads the form page for its antiforgery token, then posts <paramref name="fields"/> with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(
        this HttpClient client,
        string formPage,
        string action,
        Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetStringAsync(new Uri(formPage, UriKind.Relative));
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"No antiforgery token on {formPage}");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
