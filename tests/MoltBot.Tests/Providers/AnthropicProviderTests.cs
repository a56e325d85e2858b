using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.TestSupport;

namespace MoltBot.Tests.Providers;

public sealed class AnthropicProviderTests
{
    private static IChatClient Client(FakeAnthropicServer server, string model = "claude-3-5-sonnet-latest") =>
        new ModelRouter(ProviderConfigs.With(("anthropic", new ProviderConfig
        {
            BaseUrl = server.BaseUrl.ToString(),
            ApiKey = ProviderConfigs.Key("sk-ant-test-456", "env ANTHROPIC_API_KEY"),
            Headers = new Dictionary<string, string> { ["anthropic-beta"] = "tools-2024-04-04" },
        })), TimeProvider.System).CreateClient([$"anthropic/{model}"]);

    private static AIFunctionDeclaration WeatherTool() => AIFunctionFactory.CreateDeclaration("get_weather", "Weather for a city",
        JsonDocument.Parse("""{"type":"object","properties":{"city":{"type":"string"}}}""").RootElement);

    [Fact]
    public async Task GetResponse_Text_SendsMessagesApiHeadersAndBody()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.EnqueueText("Bonjour");
        using var client = Client(server);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.System, "be French"), new ChatMessage(ChatRole.User, "hi")], cancellationToken: ct);

        Assert.Equal("Bonjour", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        Assert.Equal(18, response.Usage?.TotalTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1/messages", request.Path);
        Assert.Equal("sk-ant-test-456", request.Header("x-api-key"));
        Assert.Equal("2023-06-01", request.Header("anthropic-version"));
        Assert.Equal("tools-2024-04-04", request.Header("anthropic-beta"));
        Assert.Null(request.Header("Authorization"));
        var json = request.Json!;
        Assert.Equal("claude-3-5-sonnet-latest", json["model"]!.GetValue<string>());
        Assert.Equal("be French", json["system"]!.GetValue<string>());
        Assert.Equal(8192, json["max_tokens"]!.GetValue<int>());
        Assert.Equal("user", json["messages"]![0]!["role"]!.GetValue<string>());
        Assert.Equal("hi", json["messages"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Null(json["stream"]);
    }

    [Fact]
    public async Task GetStreamingResponse_Text_YieldsDeltasFinishReasonAndUsage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.EnqueueText("Hello from Claude");
        using var client = Client(server);

        var updates = await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { MaxOutputTokens = 100 }, ct).ToListAsync(ct);

        Assert.True(updates.Count(u => u.Text.Length > 0) > 1);
        var response = updates.ToChatResponse();
        Assert.Equal("Hello from Claude", response.Text);
        Assert.Equal(ChatFinishReason.Stop, response.FinishReason);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(11, response.Usage?.InputTokenCount);
        var json = server.Requests[0].Json!;
        Assert.True(json["stream"]!.GetValue<bool>());
        Assert.Equal(100, json["max_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task ToolCall_StreamedRoundTrip_SendsToolUseAndToolResultBlocks()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.EnqueueToolCall("get_weather", """{"city":"Oslo","days":2}""", "toolu_1");
        server.EnqueueText("Sunny.");
        using var client = Client(server);
        var options = new ChatOptions { Tools = [WeatherTool()], ToolMode = ChatToolMode.RequireSpecific("get_weather") };
        List<ChatMessage> history = [new(ChatRole.User, "weather?")];

        var first = await client.GetStreamingResponseAsync(history, options, ct).ToListAsync(ct);
        var firstResponse = first.ToChatResponse();
        var call = Assert.Single(firstResponse.Messages.SelectMany(m => m.Contents).OfType<FunctionCallContent>());
        Assert.Equal(ChatFinishReason.ToolCalls, firstResponse.FinishReason);
        Assert.Equal("toolu_1", call.CallId);
        Assert.Equal("Oslo", call.Arguments!["city"]!.ToString());
        history.AddRange(firstResponse.Messages);
        history.Add(new ChatMessage(ChatRole.Tool, [new FunctionResultContent("toolu_1", "sunny, 21 C")]));
        var second = await client.GetResponseAsync(history, options, ct);

        Assert.Equal("Sunny.", second.Text);
        var firstSent = server.Requests[0].Json!;
        Assert.Equal("get_weather", firstSent["tools"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("object", firstSent["tools"]![0]!["input_schema"]!["type"]!.GetValue<string>());
        Assert.Equal("tool", firstSent["tool_choice"]!["type"]!.GetValue<string>());
        var messages = server.Requests[1].Json!["messages"]!.AsArray();
        Assert.Equal(3, messages.Count);
        var toolUse = messages[1]!["content"]!.AsArray().Single(b => b!["type"]!.GetValue<string>() == "tool_use")!;
        Assert.Equal("toolu_1", toolUse["id"]!.GetValue<string>());
        Assert.Equal(2, toolUse["input"]!["days"]!.GetValue<int>());
        Assert.Equal("user", messages[2]!["role"]!.GetValue<string>());
        var result = messages[2]!["content"]![0]!;
        Assert.Equal("tool_result", result["type"]!.GetValue<string>());
        Assert.Equal("toolu_1", result["tool_use_id"]!.GetValue<string>());
        Assert.Equal("sunny, 21 C", result["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task GetResponse_NonStreamingToolUse_ReturnsFunctionCall()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.EnqueueToolCall("get_weather", """{"city":"Rome"}""");
        using var client = Client(server);

        var response = await client.GetResponseAsync([new ChatMessage(ChatRole.User, "weather?")], new ChatOptions { Tools = [WeatherTool()] }, ct);

        var call = Assert.Single(response.Messages[0].Contents.OfType<FunctionCallContent>());
        Assert.Equal("Rome", call.Arguments!["city"]!.ToString());
        Assert.Equal(ChatFinishReason.ToolCalls, response.FinishReason);
    }

    [Fact]
    public async Task GetResponse_400_ThrowsProviderExceptionWithProviderMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.EnqueueError(400, """{"type":"error","error":{"type":"invalid_request_error","message":"max_tokens: too large"}}""");
        using var client = Client(server);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], cancellationToken: ct));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("max_tokens: too large", ex.Message, StringComparison.Ordinal);
        Assert.Contains("anthropic", ex.Message, StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }
}
