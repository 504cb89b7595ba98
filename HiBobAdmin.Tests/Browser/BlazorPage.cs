using Microsoft.Playwright;

namespace HiBobAdmin.Tests.Browser;

/// <summary>Navigation that waits until a prerendered Blazor Server page has its circuit and takes clicks.</summary>
internal static class BlazorPage
{
    public static readonly LocatorAssertionsToBeVisibleOptions Soon = new() { Timeout = 15_000 };

    public static readonly LocatorAssertionsToHaveTextOptions SoonText = new() { Timeout = 15_000 };

    public static readonly LocatorAssertionsToContainTextOptions SoonContains = new() { Timeout = 15_000 };

    // Prerendered HTML looks clickable but ignores clicks. Blazor's event delegator stores the handlers of an element
    // it rendered interactively under an own property named _blazorEvents_<n>; the app bar's menu button always has
    // one, so its presence means the circuit is up and has rendered the layout.
    private const string CircuitIsInteractive = """
        () => {
          const button = document.querySelector('[data-testid=nav-toggle]');
          return !!window.Blazor && !!button && Object.keys(button).some(k => k.startsWith('_blazorEvents_'));
        }
        """;

    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForFunctionAsync(CircuitIsInteractive, null, new() { Timeout = 15_000 });
    }
}
