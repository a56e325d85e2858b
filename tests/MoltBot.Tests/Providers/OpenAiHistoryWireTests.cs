using System.ClientModel;
using System.Text.Json.Nodes;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.Providers.OpenAi;
using MoltBot.TestSupport;
using OpenAI;

namespace MoltBot.Tests.Providers;

/// <summary>
/// The provider layer converts each history message to its SDK message once and reuses it on later turns; these check on
/// the wire that every request's <c>messages</c> are exactly what M.E.AI's own <c>OpenAIChatClient</c> sends.
/// </summary>
public sealed class OpenAiHistoryWireTests
{
    private static List<ChatMessage> History() =>
    [
        new(ChatRole.System, "You are a test assistant.\nBe brief."),
        new(ChatRole.User, "What's the weather in Oslo, and note it?") { AuthorName = "ada" },
        new(ChatRole.Assistant, [new FunctionCallContent("c1", "get_weather", new Dictionary<string, object?> { ["city"] = "Oslo" }),
            new FunctionCallContent("c2", "add_note", new Dictionary<string, object?> { ["text"] = "weather" })]),
        new(ChatRole.Tool, [new FunctionResultContent("c1", "4 °C, rain"), new FunctionResultContent("c2", "saved")]),
        new(ChatRole.Assistant, "It is 4 °C and raining in Oslo; noted."),
        new(ChatRole.User, [new TextContent("And this picture?"), new DataContent(new byte[] { 1, 2, 3 }, "image/png")]),
        new(ChatRole.Tool, [new FunctionResultContent("c3", "single result")]),
    ];

    [Fact]
    public async Task StreamedTurns_SameHistoryInstances_EveryRequestCarriesTheSameMessagesAsMeai()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var client = new ModelRouter(ProviderConfigs.With(("openai", new ProviderConfig
        {
            BaseUrl = server.BaseUrl.ToString(),
            ApiKey = ProviderConfigs.Key("sk-test", "env OPENAI_API_KEY"),
        })), TimeProvider.System).CreateClient(["openai/gpt-4o"]);
        var history = History();

        for (var turn = 0; turn < 3; turn++)
        {
            // As AgentRunner does: the same history instances every turn, plus a new message.
            List<ChatMessage> messages = [.. history, new(ChatRole.User, $"turn {turn}")];
            await client.GetStreamingResponseAsync(messages, cancellationToken: ct).ToListAsync(ct);
        }
        using var meai = new OpenAI.Chat.ChatClient("gpt-4o", new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl })
            .AsIChatClient();
        await meai.GetStreamingResponseAsync([.. History(), new(ChatRole.User, "turn 2")], cancellationToken: ct).ToListAsync(ct);

        var expected = server.Requests[3].Json!["messages"];
        Assert.True(JsonNode.DeepEquals(expected, server.Requests[2].Json!["messages"]),
            $"expected {expected?.ToJsonString()}\nsent {server.Requests[2].Json!["messages"]?.ToJsonString()}");
        Assert.Equal(9, expected!.AsArray().Count); // the two tool results of one message are two wire messages
        Assert.Equal(server.Requests[0].Json!["messages"]!.AsArray().Count, server.Requests[2].Json!["messages"]!.AsArray().Count);
    }

    [Fact]
    public void ConvertedMessages_AreConvertedOncePerInstance_AndLeaveTheCallersMessagesAlone()
    {
        var history = History();

        var first = ConvertedHistoryChatClient.WithConvertedMessages(history);
        var second = ConvertedHistoryChatClient.WithConvertedMessages(history);

        Assert.All(first.Zip(second), pair => Assert.Same(pair.First, pair.Second));
        Assert.All(history, message => Assert.Null(message.RawRepresentation));
        // One SDK message each, except the tool message with two results: left for the inner client to convert.
        Assert.Same(history[3], first[3]);
        Assert.IsType<OpenAI.Chat.ToolChatMessage>(first[6].RawRepresentation);
        Assert.IsType<OpenAI.Chat.AssistantChatMessage>(first[2].RawRepresentation);
    }
}
