using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>
/// The shipped binary with real secrets in its environment and config: a command the agent runs sees none of them,
/// and the transcript records every call with secrets masked.
/// </summary>
[Trait("Category", "Process")]
public sealed class ExecEnvironmentProcessTests : IAsyncLifetime
{
    private const string Token = "process-exec-token-0123456789abcdef";
    private const string PlantedKey = "sk-or-planted-9f8e7d6c5b4a39281706";
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;

    public async ValueTask InitializeAsync() => _llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    private async Task<(MoltBotProcess Gateway, HttpClient Http)> StartGatewayAsync()
    {
        File.WriteAllText(_state.Combine("moltbot.json"), $$"""
            {
              agents: { defaults: { model: { primary: "fake/gpt-test" } } },
              models: { providers: { fake: { baseUrl: "{{_llm.BaseUrl}}", api: "openai-completions", apiKey: "sk-test-fake", models: [{ id: "gpt-test" }] } } },
              tools: { exec: { security: "full", ask: "off" } },
            }
            """);
        var port = MoltBotProcess.FreePort();
        var gateway = MoltBotProcess.Start(["gateway"], new Dictionary<string, string>
        {
            ["MOLTBOT_STATE_DIR"] = _state.Path,
            ["MOLTBOT_GATEWAY_TOKEN"] = Token,
            ["MOLTBOT_GATEWAY_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["OPENROUTER_API_KEY"] = PlantedKey,
            ["SOME_PRIVATE_SETTING"] = "private-value-123456",
        });
        await gateway.WaitForOutputAsync("[gateway] listening on");
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return (gateway, http);
    }

    [Fact]
    public async Task Exec_Env_ShowsNoKeysTokensOrInheritedVariables()
    {
        var (gateway, http) = await StartGatewayAsync();
        await using var _ = gateway;
        using var __ = http;
        _llm.EnqueueToolCall("exec", """{"command":"env"}""");
        _llm.EnqueueText("done");

        Assert.Equal("done", await GatewayChat.AskAsync(http, "show env"));

        var env = ToolGateway.ToolResult(_llm.Requests[1]);
        Assert.Contains("HOME=" + _state.Combine("workspace"), env, StringComparison.Ordinal);
        Assert.Contains("TERM=dumb", env, StringComparison.Ordinal);
        foreach (var leaked in new[] { PlantedKey, "OPENROUTER_API_KEY", Token, "MOLTBOT_", "SOME_PRIVATE_SETTING", "[REDACTED]", "DOTNET_ROOT" })
        {
            Assert.DoesNotContain(leaked, env, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ToolCall_IsRecordedInTheTranscript_WithSecretsRedacted_InArgumentsAndResult()
    {
        var (gateway, http) = await StartGatewayAsync();
        await using var _ = gateway;
        using var __ = http;
        // sk-test-fake is the configured provider key: a known secret.
        _llm.EnqueueToolCall("exec", """{"command":"echo key=sk-test-fake"}""");
        _llm.EnqueueText("done");

        Assert.Equal("done", await GatewayChat.AskAsync(http, "echo the key"));

        Assert.Contains("key=[REDACTED]", ToolGateway.ToolResult(_llm.Requests[1]), StringComparison.Ordinal);
        var rows = new List<(string Role, string Content)>();
        using (var connection = new SqliteConnection($"Data Source={_state.Combine("moltbot.db")};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var select = connection.CreateCommand();
            select.CommandText = "SELECT role, content FROM messages ORDER BY id;";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1)));
            }
        }
        var toolRow = rows.Single(r => r.Role == "tool").Content;
        Assert.DoesNotContain("sk-test-fake", string.Join("\n", rows.Select(r => r.Content)), StringComparison.Ordinal);
        foreach (var expected in new[] { "moltbot.tool", "\"exec\"", "moltbot.durationMs", "moltbot.resultChars", "\"ok\"", "echo key=[REDACTED]" })
        {
            Assert.Contains(expected, toolRow, StringComparison.Ordinal);
        }
        Assert.Contains(rows, r => r.Role == "assistant" && r.Content.Contains("echo key=[REDACTED]", StringComparison.Ordinal));
    }
}
