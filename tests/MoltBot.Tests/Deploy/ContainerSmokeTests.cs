using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;
using static MoltBot.Tests.Deploy.ContainerAppTemplateTests;

namespace MoltBot.Tests.Deploy;

/// <summary>
/// The gateway started the way Azure Container Apps starts it: with exactly the environment variables
/// <c>infra/moltbot.bicep</c> gives the container (secrets resolved from their secretRef, fake values), nothing else.
/// Only two things differ from Azure: <c>/data</c> is a temp folder and the port is a free one. A <c>moltbot.json</c>
/// in that folder points OpenRouter at the fake model server. CI runs this again against the Native AOT binary.
/// </summary>
[Trait("Category", "Process")]
public sealed class ContainerSmokeTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task Gateway_WithTheContainerEnvironment_BecomesReadyAndAnswersThroughTheModel()
    {
        var app = App(await InfraSnapshots.FullApp);
        var secrets = Secrets(app);
        var environment = Env(app).ToDictionary(e => e.Key, e => e.Value["secretRef"] is { } secretRef ? secrets[(string)secretRef!] : (string)e.Value["value"]!);
        Assert.Equal("/data", environment["MOLTBOT_STATE_DIR"]);
        Assert.Equal("18789", environment["MOLTBOT_GATEWAY_PORT"]);
        var port = MoltBotProcess.FreePort();
        environment["MOLTBOT_STATE_DIR"] = _state.Path;
        environment["MOLTBOT_GATEWAY_PORT"] = port.ToString(CultureInfo.InvariantCulture);
        // The only file: the provider's address. Keys, model, token and bind all come from the environment.
        await File.WriteAllTextAsync(_state.Combine("moltbot.json"), $$"""{ models: { providers: { openrouter: { baseUrl: "{{_llm.BaseUrl}}" } } } }""", TestContext.Current.CancellationToken);

        await using var gateway = MoltBotProcess.Start(["gateway"], environment);

        // Matched without the "[gateway]" prefix so the lines still match once MOLTBOT_LOG_FORMAT=json is implemented.
        await gateway.WaitForOutputAsync($"listening on ws://0.0.0.0:{port}");
        Assert.Contains("agent model: openrouter/anthropic/claude-3.5-sonnet", gateway.Stdout, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using (var health = await http.GetAsync(new Uri("/health", UriKind.Relative), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        Assert.Contains("ready", await http.GetStringAsync(new Uri("/ready", UriKind.Relative), TestContext.Current.CancellationToken), StringComparison.Ordinal);
        using (var anonymous = await GatewayChat.PostAsync(http, "hi"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }

        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secrets["gateway-token"]);
        _llm.EnqueueText("Hello from Azure");
        Assert.Equal("Hello from Azure", await GatewayChat.AskAsync(http, "hi"));

        Assert.Equal("Bearer " + secrets["openrouter-api-key"], Assert.Single(_llm.Requests).Header("Authorization"));
        Assert.All(secrets.Values, secret => Assert.DoesNotContain(secret, gateway.Stdout + gateway.Stderr, StringComparison.Ordinal));
    }
}
