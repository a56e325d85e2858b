using Microsoft.Playwright;

namespace MoltBot.Tests.Infrastructure;

/// <summary>
/// Debian's chromium driven by Playwright (never a downloaded browser). Where it is not installed the browser tests
/// skip with the install command — unless MOLTBOT_REQUIRE_BROWSER=1 (CI sets it), where a missing browser is a failure.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    private IPlaywright? _playwright;

    /// <summary>One browser per test class (see <see cref="IClassFixture{T}"/>); each test opens its own page.</summary>
    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (ExecutablePath is not null)
        {
            (_playwright, Browser) = await LaunchAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }
    }

    /// <summary>A new page; skips (or fails when required) where chromium is missing.</summary>
    public Task<IPage> NewPageAsync()
    {
        if (_playwright is null)
        {
            RequireOrSkip();
        }
        return Browser.NewPageAsync();
    }

    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    private static string? ExecutablePath => Candidates.FirstOrDefault(File.Exists);

    private static void RequireOrSkip()
    {
        Assert.False(Environment.GetEnvironmentVariable("MOLTBOT_REQUIRE_BROWSER") == "1", "chromium is required here: apt-get install -y chromium");
        Assert.Skip("chromium is not installed (apt-get install -y chromium)");
    }

    private static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        var path = ExecutablePath!;
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            // Root in CI containers cannot use chromium's user-namespace sandbox.
            Args = ["--no-sandbox", "--disable-dev-shm-usage"],
        });
        return (playwright, browser);
    }
}
