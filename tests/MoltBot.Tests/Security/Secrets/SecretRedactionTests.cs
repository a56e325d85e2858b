using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Configuration;
using MoltBot.Storage;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Discord;
using MoltBot.TestSupport.Gateway;
using MoltBot.Tests.Agent.Tools;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Security.Secrets;

/// <summary>
/// Known secrets planted where outside text flows in (a file the agent reads, a provider error that echoes them) must
/// come out masked everywhere they could leave: the next model request, the stored transcript and <c>chat.history</c>,
/// the JSON logs, and the errors a client receives over HTTP and the WebSocket.
/// </summary>
public sealed class SecretRedactionTests : IAsyncLifetime
{
    // Not shaped like sk-… keys, so only the redaction layer (not the provider's own key-pattern scrub) can catch them.
    private const string ProviderKey = "prov-planted-key-7f3a9c2e1b";
    private const string BotToken = "discord-planted-bot-token-5d6e7f";
    private static readonly string[] Planted = [ProviderKey, BotToken, GatewayHarness.Token];

    private FakeDiscordServer _discord = null!;
    private ToolGateway _tools = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _discord = await FakeDiscordServer.StartAsync(Ct);
        _discord.Token = BotToken;
        _tools = await ToolGateway.StartAsync(configure: c => c with
        {
            Logging = new LoggingConfig { Format = "json" },
            Models = new ModelsConfig
            {
                Providers = c.Models.Providers.ToDictionary(p => p.Key, p => p.Value with { ApiKey = new SecretValue(ProviderKey, "test") }),
            },
            Channels = new ChannelsConfig { Discord = new DiscordChannelConfig { Token = new SecretValue(BotToken, "test"), ApiBaseUrl = _discord.ApiBaseUrl } },
        });
        await _discord.SessionsReady.WaitAsync(1, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _tools.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private static void AssertNoSecret(string text, string where)
    {
        foreach (var secret in Planted)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"{where} contains a planted secret: {text}");
        }
    }

    [Fact]
    public async Task SecretsInAFileTheAgentReads_AreMaskedForTheModel_InTheTranscript_AndInHistory()
    {
        Directory.CreateDirectory(_tools.Workspace);
        await File.WriteAllTextAsync(Path.Combine(_tools.Workspace, "leak.txt"),
            $"OPENAI_API_KEY={ProviderKey}\nDISCORD_TOKEN={BotToken}\nGATEWAY={GatewayHarness.Token}\n", Ct);
        _tools.Llm.EnqueueToolCall("read", """{"path":"leak.txt"}""", "call_leak");
        _tools.Llm.EnqueueText($"The key is {ProviderKey} and the token {GatewayHarness.Token}.");

        await GatewayChat.AskAsync(_tools.Gateway.Http, "read leak.txt");

        var toolResult = ToolGateway.ToolResult(_tools.Llm.Requests[^1]);
        Assert.Contains("OPENAI_API_KEY=[REDACTED]", toolResult, StringComparison.Ordinal);
        Assert.Contains("DISCORD_TOKEN=[REDACTED]", toolResult, StringComparison.Ordinal);
        AssertNoSecret(_tools.Llm.Requests[^1].Body, "the next model request");

        using (var connection = _tools.Gateway.Services.GetRequiredService<SqliteDatabase>().Open())
        using (var query = connection.CreateCommand())
        {
            query.CommandText = "SELECT content FROM messages";
            using var reader = query.ExecuteReader();
            var rows = 0;
            while (reader.Read())
            {
                AssertNoSecret(reader.GetString(0), "a stored transcript entry");
                rows++;
            }
            Assert.True(rows >= 4, $"expected the user message, tool call, tool result and reply; got {rows} rows");
        }

        await using var client = await GatewaySocketClient.ConnectAsync(_tools.Gateway.BaseUri, GatewayHarness.Token, Ct);
        var history = (await client.RequestAsync("chat.history", new JsonObject(), Ct)).GetProperty("payload").ToString();
        AssertNoSecret(history, "chat.history");
        Assert.Contains("The key is [REDACTED] and the token [REDACTED].", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AProviderErrorEchoingSecrets_IsMaskedInLogs_AndInErrorsToHttpAndWebSocketClients()
    {
        var echo = new JsonObject
        {
            ["error"] = new JsonObject { ["message"] = $"bad request from key {ProviderKey} (bot {BotToken}, gateway {GatewayHarness.Token})", ["type"] = "invalid_request_error" },
        }.ToJsonString();
        _tools.Llm.EnqueueError(400, echo);
        _tools.Llm.EnqueueError(400, echo);

        using var http = await GatewayChat.PostAsync(_tools.Gateway.Http, "hello");
        var httpError = await http.Content.ReadAsStringAsync(Ct);
        await using var client = await GatewaySocketClient.ConnectAsync(_tools.Gateway.BaseUri, GatewayHarness.Token, Ct);
        var run = await client.ChatAsync("hello again", cancellationToken: Ct);

        Assert.False(http.IsSuccessStatusCode);
        Assert.Contains("bad request from key", httpError, StringComparison.Ordinal);
        AssertNoSecret(httpError, "the HTTP error");
        Assert.Equal("error", run.State);
        Assert.Contains("[REDACTED]", run.Text, StringComparison.Ordinal);
        AssertNoSecret(run.Text, "the WebSocket chat error");
        var logs = _tools.Gateway.Output;
        Assert.Contains("\"event\":\"TurnFailed\"", logs, StringComparison.Ordinal);
        Assert.Contains("\"event\":\"WebChatTurnFailed\"", logs, StringComparison.Ordinal);
        Assert.Contains("[REDACTED]", logs, StringComparison.Ordinal);
        AssertNoSecret(logs, "the gateway's JSON logs");
    }

    [Fact]
    public async Task ChannelLastError_IsMaskedInStatus()
    {
        await _discord.CloseAsync(4000, $"unknown error for {BotToken}");
        await _discord.SessionsReady.WaitAsync(2, Ct);

        var status = await _tools.Gateway.Http.GetStringAsync("/api/status", Ct);

        AssertNoSecret(status, "/api/status");
        AssertNoSecret(_tools.Gateway.Output, "the gateway's JSON logs");
    }
}
