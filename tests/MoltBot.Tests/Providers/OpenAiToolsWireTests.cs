using System.ClientModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.TestSupport;
using OpenAI;

namespace MoltBot.Tests.Providers;

/// <summary>
/// The provider layer converts tools once and reuses them; these check on the wire that requests carry exactly what
/// M.E.AI's own <c>OpenAIChatClient</c> sends for the same options (<c>tools</c>, <c>tool_choice</c>,
/// <c>parallel_tool_calls</c>), on every turn, for OpenAI-compatible and Azure providers.
/// </summary>
public sealed class OpenAiToolsWireTests
{
    private static readonly AITool[] Tools =
    [
        AIFunctionFactory.CreateDeclaration("get_weather", "Weather for a city", Schema("""
            {"type":"object","properties":{"city":{"type":"string","description":"City name"},
             "units":{"type":"string","enum":["metric","imperial"]}},"required":["city"]}
            """)),
        AIFunctionFactory.Create((string query, int limit) => $"{query}:{limit}", "search_notes", "Searches the notes"),
        new StrictDeclaration("set_reminder", "Sets a reminder", Schema("""
            {"type":"object","properties":{"at":{"type":"string","format":"date-time"},"text":{"type":"string"}},"required":["at","text"]}
            """)),
    ];

    public static TheoryData<string> ToolModes => ["unset", "auto", "none", "required", "required:get_weather"];

    [Fact]
    public async Task StreamedTurns_SameToolInstances_EveryRequestCarriesTheSameToolsAsMeai()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var client = OpenAiRouter(server).CreateClient(["openai/gpt-4o"]);

        for (var turn = 0; turn < 3; turn++)
        {
            // AgentRunner builds fresh options each turn around the same tool instances.
            await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, $"turn {turn}")], new ChatOptions { Tools = [.. Tools] }, ct).ToListAsync(ct);
        }
        var expected = await MeaiRequestAsync(server, new ChatOptions { Tools = [.. Tools] }, streaming: true, ct);

        var sent = server.Requests.Take(3).Select(r => r.Json!).ToList();
        Assert.All(sent, json => AssertSameTools(expected, json));
        Assert.Equal(["get_weather", "search_notes", "set_reminder"], sent[2]["tools"]!.AsArray().Select(t => t!["function"]!["name"]!.GetValue<string>()));
        Assert.Equal("auto", sent[0]["tool_choice"]!.GetValue<string>());
        Assert.True(sent[2]["tools"]![2]!["function"]!["strict"]!.GetValue<bool>());
    }

    [Theory]
    [MemberData(nameof(ToolModes))]
    public async Task ToolMode_MapsToToolChoiceAsMeaiDoes(string mode)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var client = OpenAiRouter(server).CreateClient(["openai/gpt-4o"]);
        ChatOptions Options() => new() { Tools = [.. Tools], ToolMode = ToolMode(mode), AllowMultipleToolCalls = mode == "none" ? false : null };

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], Options(), ct);
        var expected = await MeaiRequestAsync(server, Options(), streaming: false, ct);

        AssertSameTools(expected, server.Requests[0].Json!);
        Assert.NotNull(server.Requests[0].Json!["tool_choice"]);
    }

    [Fact]
    public async Task ToolMode_WithoutTools_SendsNoToolChoice()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var client = OpenAiRouter(server).CreateClient(["openai/gpt-4o"]);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], new ChatOptions { ToolMode = ChatToolMode.RequireAny, Tools = [] }, ct);

        var json = server.Requests[0].Json!;
        Assert.Null(json["tools"]);
        Assert.Null(json["tool_choice"]);
    }

    [Fact]
    public async Task OptionsWideStrictAndCallerRawOptions_SameRequestAsMeai()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var client = OpenAiRouter(server).CreateClient(["openai/gpt-4o"]);
        var callerTool = OpenAI.Chat.ChatTool.CreateFunctionTool("raw_tool", "From the caller's raw options");
        ChatOptions Strict() => new() { Tools = [.. Tools], AdditionalProperties = new() { ["strict"] = true } };
        ChatOptions Raw() => new()
        {
            Tools = [.. Tools],
            RawRepresentationFactory = _ => new OpenAI.Chat.ChatCompletionOptions { Tools = { callerTool }, Temperature = 0.25f },
        };

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], Strict(), ct);
        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "hi")], Raw(), ct);
        var expectedStrict = await MeaiRequestAsync(server, Strict(), streaming: false, ct);
        var expectedRaw = await MeaiRequestAsync(server, Raw(), streaming: false, ct);

        AssertSameTools(expectedStrict, server.Requests[0].Json!);
        AssertSameTools(expectedRaw, server.Requests[1].Json!);
        Assert.Equal("raw_tool", server.Requests[1].Json!["tools"]![0]!["function"]!["name"]!.GetValue<string>());
        Assert.Equal(0.25, server.Requests[1].Json!["temperature"]!.GetValue<double>(), 3);
    }

    [Fact]
    public async Task Azure_StreamedTurns_EveryRequestCarriesTheSameToolsAsMeai()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        var config = ProviderConfigs.With(("azure-openai", new ProviderConfig
        {
            BaseUrl = server.RootUrl.ToString(),
            ApiKey = ProviderConfigs.Key("azure-key-789", "models.providers.azure-openai.apiKey"),
        }));
        using var client = new ModelRouter(config, TimeProvider.System).CreateClient(["azure-openai/gpt4o-prod"]);

        for (var turn = 0; turn < 2; turn++)
        {
            await client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, $"turn {turn}")],
                new ChatOptions { Tools = [.. Tools], ToolMode = ChatToolMode.RequireSpecific("search_notes") }, ct).ToListAsync(ct);
        }
        var expected = await MeaiRequestAsync(server, new ChatOptions { Tools = [.. Tools], ToolMode = ChatToolMode.RequireSpecific("search_notes") }, streaming: true, ct);

        Assert.All(server.Requests.Take(2), r => Assert.Equal("/openai/deployments/gpt4o-prod/chat/completions", r.Path));
        Assert.All(server.Requests.Take(2), r => AssertSameTools(expected, r.Json!));
        Assert.Equal("search_notes", server.Requests[1].Json!["tool_choice"]!["function"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void ConvertedTools_AreConvertedOncePerToolInstance_AndLeaveTheCallersOptionsAlone()
    {
        var first = new ChatOptions { Tools = [.. Tools] };
        var second = new ChatOptions { Tools = [.. Tools] };

        var a = (OpenAI.Chat.ChatCompletionOptions)MoltBot.Providers.OpenAi.ConvertedToolsChatClient.WithConvertedTools(first)!.RawRepresentationFactory!(null!)!;
        var b = (OpenAI.Chat.ChatCompletionOptions)MoltBot.Providers.OpenAi.ConvertedToolsChatClient.WithConvertedTools(second)!.RawRepresentationFactory!(null!)!;

        Assert.NotSame(a, b);
        Assert.All(a.Tools.Zip(b.Tools), pair => Assert.Same(pair.First, pair.Second));
        Assert.Equal(3, first.Tools.Count);
        Assert.Null(first.RawRepresentationFactory);
    }

    private static ModelRouter OpenAiRouter(FakeOpenAiServer server) =>
        new(ProviderConfigs.With(("openai", new ProviderConfig
        {
            BaseUrl = server.BaseUrl.ToString(),
            ApiKey = ProviderConfigs.Key("sk-test", "env OPENAI_API_KEY"),
        })), TimeProvider.System);

    /// <summary>The request M.E.AI's OpenAI client sends on its own (no MoltBot decorators) for <paramref name="options"/>.</summary>
    private static async Task<JsonNode> MeaiRequestAsync(FakeOpenAiServer server, ChatOptions options, bool streaming, CancellationToken ct)
    {
        var before = server.Requests.Count;
        using var meai = new OpenAI.Chat.ChatClient("gpt-4o", new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl })
            .AsIChatClient();
        if (streaming)
        {
            await meai.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "reference")], options, ct).ToListAsync(ct);
        }
        else
        {
            await meai.GetResponseAsync([new ChatMessage(ChatRole.User, "reference")], options, ct);
        }
        return server.Requests[before].Json!;
    }

    private static void AssertSameTools(JsonNode expected, JsonNode actual)
    {
        Assert.NotNull(actual["tools"]);
        foreach (var key in new[] { "tools", "tool_choice", "parallel_tool_calls" })
        {
            Assert.True(JsonNode.DeepEquals(expected[key], actual[key]), $"{key}: expected {expected[key]?.ToJsonString()}, sent {actual[key]?.ToJsonString()}");
        }
    }

    private static ChatToolMode? ToolMode(string mode) => mode switch
    {
        "auto" => ChatToolMode.Auto,
        "none" => ChatToolMode.None,
        "required" => ChatToolMode.RequireAny,
        "required:get_weather" => ChatToolMode.RequireSpecific("get_weather"),
        _ => null,
    };

    private static JsonElement Schema(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>A declaration that asks for OpenAI's strict schema mode through its own additional properties.</summary>
    private sealed class StrictDeclaration(string name, string description, JsonElement schema) : AIFunctionDeclaration
    {
        public override string Name => name;

        public override string Description => description;

        public override JsonElement JsonSchema => schema;

        public override IReadOnlyDictionary<string, object?> AdditionalProperties { get; } = new Dictionary<string, object?> { ["strict"] = true };
    }
}
