using System.Diagnostics;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.TestSupport;

namespace MoltBot.Benchmarks;

/// <summary>
/// One streamed model call through the router's client chain (usage → retry → provider errors → OpenAI SDK) against
/// the in-process <see cref="FakeOpenAiServer"/>, shaped like an agent turn: 10 tools and a 40-message history. The fake
/// answers at once, so this is the provider layer's own cost plus the loopback HTTP round trip and the fake's work.
/// <see cref="InRequestActivity"/> runs the call under an ambient <see cref="Activity"/>, as the gateway's HTTP API does
/// (ASP.NET Core starts one per request while logging is on).
/// </summary>
[MemoryDiagnoser]
public class ModelCallBenchmarks
{
    private FakeOpenAiServer _server = null!;
    private IChatClient _client = null!;
    private List<ChatMessage> _history = null!;
    private AITool[] _tools = null!;

    [Params(false, true)]
    public bool InRequestActivity { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _server = await FakeOpenAiServer.StartAsync();
        _server.KeepRequests = false;
        _server.DefaultReply = _ => FakeReply.FromText("Sure, here is a short answer to that.");
        var config = new MoltBotConfig
        {
            Models = new ModelsConfig
            {
                Providers = new Dictionary<string, ProviderConfig>
                {
                    ["openai"] = new() { BaseUrl = _server.BaseUrl.ToString(), ApiKey = new SecretValue("sk-bench", "bench") },
                },
            },
        };
        _client = new ModelRouter(config, TimeProvider.System).CreateClient(["openai/gpt-4o-mini"]);
        _tools = [.. Enumerable.Range(0, 10).Select(Tool)];
        _history = [new ChatMessage(ChatRole.System, string.Concat(Enumerable.Repeat("You are a helpful assistant. Be brief and precise. ", 40)))];
        for (var i = 0; i < 40; i++)
        {
            _history.Add(new ChatMessage(i % 2 == 0 ? ChatRole.User : ChatRole.Assistant,
                $"Message {i}: some conversational text about the weather, a calendar entry and a reminder for tomorrow morning."));
        }
        await StreamedCallAsync();
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Benchmark]
    public async Task<int> StreamedCallAsync()
    {
        using var activity = InRequestActivity ? new Activity("bench.request").Start() : null;
        // A fresh ChatOptions with the same tool instances each call, as AgentRunner builds it per turn.
        var options = new ChatOptions { Tools = [.. _tools], MaxOutputTokens = 4096 };
        var updates = 0;
        await foreach (var update in _client.GetStreamingResponseAsync(_history, options))
        {
            updates += update.Contents.Count;
        }
        return updates;
    }

    internal static AIFunctionDeclaration Tool(int i) => AIFunctionFactory.CreateDeclaration(
        $"tool_{i}", $"Tool number {i}: does something useful with a query, a limit and a mode.",
        JsonDocument.Parse("""
            {"type":"object","properties":{
              "query":{"type":"string","description":"What to look for"},
              "limit":{"type":"integer","description":"At most this many results","minimum":1,"maximum":50},
              "mode":{"type":"string","enum":["fast","thorough"],"description":"How hard to try"},
              "tags":{"type":"array","items":{"type":"string"},"description":"Optional filters"}},
             "required":["query"]}
            """).RootElement);
}
