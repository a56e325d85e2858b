using Microsoft.Playwright;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.ControlUi;

/// <summary>The Control UI in a real browser against a real gateway: log in with the token, chat, see the status page.</summary>
public sealed class WebChatBrowserTests(Chromium chromium) : IAsyncLifetime, IClassFixture<Chromium>
{
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;
    private GatewayHarness _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        _gateway = await GatewayHarness.StartAsync(_state.Path, GatewayHarness.Config(_llm));
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task LogIn_Chat_AndSeeTheReplyStreamIn()
    {
        var page = await chromium.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        _llm.EnqueueText("Hello from **MoltBot**, with `code`.");

        await page.GotoAsync(_gateway.BaseUri.ToString());
        await page.FillAsync("#token", GatewayHarness.Token);
        await page.ClickAsync("#login-form button");
        await Assertions.Expect(page.Locator("#conn")).ToHaveTextAsync("connected");
        await page.FillAsync("#input", "hi from the browser");
        await page.PressAsync("#input", "Enter");

        var reply = page.Locator(".msg.assistant").Last;
        await Assertions.Expect(reply).ToHaveTextAsync("Hello from **MoltBot**, with code.");
        await Assertions.Expect(reply.Locator("code")).ToHaveTextAsync("code");
        Assert.Equal("hi from the browser", await page.Locator(".msg.user").Last.TextContentAsync());
        Assert.Empty(errors); // includes CSP violations, which chromium reports on the console
    }

    [Fact]
    public async Task HistorySurvivesReload_AndTheTokenStaysOutOfTheAddressBar()
    {
        var page = await chromium.NewPageAsync();
        _llm.EnqueueText("remembered");

        await page.GotoAsync($"{_gateway.BaseUri}#token={GatewayHarness.Token}");
        await Assertions.Expect(page.Locator("#conn")).ToHaveTextAsync("connected");
        Assert.DoesNotContain(GatewayHarness.Token, page.Url, StringComparison.Ordinal);
        await page.FillAsync("#input", "remember this");
        await page.PressAsync("#input", "Enter");
        await Assertions.Expect(page.Locator(".msg.assistant").Last).ToHaveTextAsync("remembered");

        await page.ReloadAsync();

        await Assertions.Expect(page.Locator(".msg")).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".msg.user")).ToHaveTextAsync("remember this");
    }

    [Fact]
    public async Task WrongToken_ShowsTheLoginErrorAndNeverReachesTheModel()
    {
        var page = await chromium.NewPageAsync();

        await page.GotoAsync(_gateway.BaseUri.ToString());
        await page.FillAsync("#token", "not-the-right-token");
        await page.ClickAsync("#login-form button");

        await Assertions.Expect(page.Locator("#login-error")).ToContainTextAsync("not accepted");
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task StatusPage_ListsTheAgentAndItsModel()
    {
        var page = await chromium.NewPageAsync();

        await page.GotoAsync($"{_gateway.BaseUri}#token={GatewayHarness.Token}");
        await Assertions.Expect(page.Locator("#conn")).ToHaveTextAsync("connected");
        await page.ClickAsync("nav a[data-view=status]");

        await Assertions.Expect(page.Locator("#agents")).ToContainTextAsync(GatewayHarness.Model);
    }
}
