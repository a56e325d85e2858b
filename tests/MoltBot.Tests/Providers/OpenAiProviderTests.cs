using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.TestSupport;

namespace MoltBot.Tests.Providers;

public sealed class OpenAiProviderTests
{
    private static ModelRouter Router(FakeOpenAiServer server, string id = "openrouter", IReadOnlyDictionary<string, string>? headers = null) =>
        new(ProviderConfigs.With((id, new ProviderConfig
        {
            BaseUrl = server.BaseUrl.ToString(),
            ApiKey = ProviderConfigs.Key("sk-or-test-123", "env OPENROUTER_API_KEY"),
            Headers = headers ?? new Dictionary<string, string>(),
        })), TimeProvider.System);

    [Fact]
    public async Task GetResponse_OpenRouterRef_SendsBearerModelIdAndMessages()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueText("Hello!");
        using var client = Router(server, headers: new Dictionary<string, string> { ["X-Title"] = "MoltBot" })
            .CreateClient(["openrouter/anthropic/claude-3.5-sonnet"]);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "be brief"), new ChatMessage(ChatRole.User, "hi")], cancellationToken: ct);

        Assert.Equal("Hello!", response.Text);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal("Bearer sk-or-test-123", request.Header("Authorization"));
        Assert.Equal("MoltBot", request.Header("X-Title"));
        Assert.Equal("anthropic/claude-3.5-sonnet", request.Json!["model"]!.GetValue<string>());
        Assert.Equal("hi", request.Json!["messages"]![1]!["content"]!.ToString());
        Assert.Null(request.Json!["stream"]);
    }

    [Fact]
    public async Task GetStreamingResponse_Text_YieldsChunksAndUsage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueText("Streaming works fine");
        using var client = Router(server).CreateClient(["openrouter/openai/gpt-4o"]);

        var updates = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: ct).ToListAsync(ct);

        Assert.True(updates.Count(u => u.Text.Length > 0) > 1);
        var response = updates.ToChatResponse();
        Assert.Equal("Streaming works fine", response.Text);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.True(server.Requests[0].Json!["stream"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ToolCall_RoundTrip_SendsToolResultAsToolMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueToolCall("get_weather", """{"city":"Oslo"}""", "call_1");
        server.EnqueueText("It is sunny in Oslo.");
        using var client = Router(server).CreateClient(["openrouter/openai/gpt-4o"]);
        var tool = AIFunctionFactory.CreateDeclaration("get_weather", "Weather for a city",
            System.Text.Json.JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}""").RootElement);
        var options = new ChatOptions { Tools = [tool] };
        List<ChatMessage> history = [new(ChatRole.User, "weather in Oslo?")];

        var first = await client.GetStreamingResponseAsync(history, options, ct).ToListAsync(ct);
        var call = Assert.Single(first.SelectMany(u => u.Contents).OfType<FunctionCallContent>());
        Assert.Equal("get_weather", call.Name);
        Assert.Equal("Oslo", call.Arguments!["city"]!.ToString());
        history.AddRange(first.ToChatResponse().Messages);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent(call.CallId, "sunny, 21 C")]));
        var second = await client.GetResponseAsync(history, options, ct);

        Assert.Equal("It is sunny in Oslo.", second.Text);
        var sent = server.Requests[1].Json!;
        Assert.Equal("get_weather", sent["tools"]![0]!["function"]!["name"]!.GetValue<string>());
        var messages = sent["messages"]!.AsArray();
        Assert.Equal("call_1", messages[1]!["tool_calls"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("tool", messages[2]!["role"]!.GetValue<string>());
        Assert.Equal("call_1", messages[2]!["tool_call_id"]!.GetValue<string>());
        Assert.Contains("sunny, 21 C", messages[2]!["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetResponse_CustomKeylessProvider_SendsNoAuthorizationAndCustomHeaders()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        var config = ProviderConfigs.With(("ollama", new ProviderConfig
        {
            Api = "openai-completions",
            BaseUrl = server.BaseUrl.ToString(),
            Headers = new Dictionary<string, string> { ["X-Team"] = "home" },
            Models = [new ModelDefinition { Id = "llama3.2", ContextWindow = 8192 }],
        }));
        using var client = new ModelRouter(config, TimeProvider.System).CreateClient(["ollama/llama3.2"]);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: ct);

        var request = Assert.Single(server.Requests);
        Assert.Null(request.Header("Authorization"));
        Assert.Equal("home", request.Header("X-Team"));
        Assert.Equal("llama3.2", request.Json!["model"]!.GetValue<string>());
    }
}
