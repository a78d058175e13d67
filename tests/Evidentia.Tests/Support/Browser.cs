using Microsoft.Playwright;

namespace Evidentia.Tests.Support;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by <c>.ci/run</c>) driven by Playwright: no browser download.
/// Under CI a missing Chromium is a failure; elsewhere the browser tests return early.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private readonly IPlaywright _playwright;

    private Browser(IPlaywright playwright, IBrowser chromium)
    {
        _playwright = playwright;
        Chromium = chromium;
    }

    public IBrowser Chromium { get; }

    /// <summary>The browser, or null when Chromium is missing outside CI.</summary>
    public static async Task<Browser?> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            Assert.False(SharedData.IsCi, $"{ChromiumPath} is missing; under CI the browser tests fail (apt-get install chromium).");
            return null;
        }

        var playwright = await Playwright.CreateAsync();
        var chromium = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // No sandbox as root in CI; no background traffic on a machine without a network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        return new Browser(playwright, chromium);
    }

    /// <summary>
    /// Waits until the page is at an address matching <paramref name="url"/> and that document has loaded. Asks the
    /// page rather than waiting for Playwright's load event: <c>WaitForURLAsync</c> can miss the event it waits for
    /// when it arrives between its check and its subscription (playwright-dotnet #3364), and then times out.
    /// </summary>
    public static async Task ArriveAsync(IPage page, System.Text.RegularExpressions.Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url);
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'");
    }

    /// <summary>
    /// Saves a screenshot in the test output's <c>screenshots</c> folder, and in <c>docs/screenshots</c> when
    /// <c>EVIDENTIA_UPDATE_SCREENSHOTS=1</c> (review the images before committing them).
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage });
        var folders = new List<string> { Path.Combine(AppContext.BaseDirectory, "screenshots") };
        if (Environment.GetEnvironmentVariable("EVIDENTIA_UPDATE_SCREENSHOTS") == "1")
        {
            folders.Add(Path.Combine(RepositoryRoot(), "docs", "screenshots"));
        }

        foreach (var folder in folders)
        {
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        _playwright.Dispose();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Evidentia.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("The repository root (Evidentia.slnx) is not above the test output.");
    }
}
