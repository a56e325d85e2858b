using System.Net.Http.Headers;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway;

/// <summary>The shipped executable end to end. CI runs these again against the Native AOT binary.</summary>
[Trait("Category", "Process")]
public sealed class GatewayProcessTests : IAsyncLifetime
{
    private const string Token = "process-test-token-0123456789abcdef";
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    private Dictionary<string, string> Environment(int port) => new()
    {
        ["MOLTBOT_STATE_DIR"] = _state.Path,
        ["MOLTBOT_GATEWAY_TOKEN"] = Token,
        ["MOLTBOT_GATEWAY_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private void WriteConfig(string json5) => File.WriteAllText(_state.Combine("moltbot.json"), json5);

    private string FakeProviderConfig => $$"""
        // the fake model, as a user would configure LiteLLM or Ollama
        {
          agents: { defaults: { model: { primary: "fake/gpt-test" } } },
          models: {
            providers: {
              fake: { baseUrl: "{{_llm.BaseUrl}}", api: "openai-completions", apiKey: "sk-test-fake", models: [{ id: "gpt-test" }] },
            },
          },
        }
        """;

    [Fact]
    public async Task Gateway_BecomesReady_AndAnswersThroughTheModel()
    {
        WriteConfig(FakeProviderConfig);
        var port = MoltBotProcess.FreePort();
        await using var gateway = MoltBotProcess.Start(["gateway"], Environment(port));
        await gateway.WaitForOutputAsync($"[gateway] listening on ws://127.0.0.1:{port}");
        Assert.Contains("[gateway] agent model: fake/gpt-test", gateway.Stdout, StringComparison.Ordinal);

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.Contains("ready", await http.GetStringAsync("/ready", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        _llm.EnqueueText("Hello from the binary");

        Assert.Equal("Hello from the binary", await GatewayChat.AskAsync(http, "hi"));
        Assert.DoesNotContain(Token, gateway.Stdout + gateway.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentCommand_TalksToTheRunningGateway()
    {
        WriteConfig(FakeProviderConfig);
        var port = MoltBotProcess.FreePort();
        await using var gateway = MoltBotProcess.Start(["gateway"], Environment(port));
        await gateway.WaitForOutputAsync("[gateway] listening on");
        _llm.EnqueueText("pong");

        var (exitCode, stdout, stderr) = await MoltBotProcess.RunAsync(["agent", "--message", "ping"], Environment(port));

        Assert.True(exitCode == 0, stderr);
        Assert.Equal("pong", stdout.Trim());
    }

    [Fact]
    public async Task AgentCommand_Local_RunsTheTurnInProcess_AndKeepsTheSession()
    {
        WriteConfig(FakeProviderConfig);
        _llm.EnqueueText("first");
        _llm.EnqueueText("second");

        var first = await MoltBotProcess.RunAsync(["agent", "--local", "--message", "remember 42", "--session", "agent:main:cli"], Environment(MoltBotProcess.FreePort()));
        var second = await MoltBotProcess.RunAsync(["agent", "--local", "--message", "what number?", "--session", "agent:main:cli"], Environment(MoltBotProcess.FreePort()));

        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.Equal("second", second.Stdout.Trim());
        Assert.Contains("remember 42", _llm.Requests[^1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_MistypedModelRef_StopsAtStartup_WithClosestRefs()
    {
        var environment = Environment(MoltBotProcess.FreePort());
        environment["OPENROUTER_API_KEY"] = "sk-or-test-not-real";
        environment["MOLTBOT_MODEL"] = "openrouter:anthropic/claude-3.5-sonnet";

        var (exitCode, _, stderr) = await MoltBotProcess.RunAsync(["gateway"], environment);

        Assert.Equal(2, exitCode);
        Assert.Contains("Did you mean 'openrouter/anthropic/claude-3.5-sonnet'", stderr, StringComparison.Ordinal);
        Assert.Contains("env MOLTBOT_MODEL", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-or-test-not-real", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Gateway_LegacyConfigShape_StopsWithKeyFileLineAndFix()
    {
        WriteConfig("""
            {
              agent: { model: "openrouter/anthropic/claude-3.5-sonnet" },
            }
            """);

        var (exitCode, _, stderr) = await MoltBotProcess.RunAsync(["gateway"], Environment(MoltBotProcess.FreePort()));

        Assert.Equal(2, exitCode);
        Assert.Contains("moltbot.json:2", stderr, StringComparison.Ordinal);
        Assert.Contains("agents.defaults", stderr, StringComparison.Ordinal);
    }
}
