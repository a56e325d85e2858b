using System.ClientModel;
using System.Text;
using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.Providers.OpenAi;
using MoltBot.TestSupport;
using OpenAI;

namespace MoltBot.Tests.Providers;

/// <summary>
/// The provider layer writes each history message in the wire format once and reuses it on later turns; these check on
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
    public async Task Turns_AsTheAgentSendsThem_EveryRequestCarriesTheSameMessagesAsMeai()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var client = new ModelRouter(ProviderConfigs.With(("openai", new ProviderConfig
        {
            BaseUrl = server.BaseUrl.ToString(),
            ApiKey = ProviderConfigs.Key("sk-test", "env OPENAI_API_KEY"),
        })), TimeProvider.System).CreateClient(["openai/gpt-4o"]);
        var conversations = Conversations();

        foreach (var messages in conversations)
        {
            await client.GetStreamingResponseAsync(messages, cancellationToken: ct).ToListAsync(ct);
        }
        using var meai = new OpenAI.Chat.ChatClient("gpt-4o", new ApiKeyCredential("sk-test"), new OpenAIClientOptions { Endpoint = server.BaseUrl })
            .AsIChatClient();
        foreach (var messages in Conversations())
        {
            await meai.GetStreamingResponseAsync(messages, cancellationToken: ct).ToListAsync(ct);
        }

        var sent = conversations.Count;
        for (var i = 0; i < sent; i++)
        {
            // Byte for byte: the same JSON, escaped the same way.
            Assert.Equal(server.Requests[sent + i].Body, server.Requests[i].Body);
        }
        Assert.Equal(9, server.Requests[0].Json!["messages"]!.AsArray().Count); // the two tool results of one message are two wire messages
        Assert.Equal("edited", server.Requests[3].Json!["messages"]![2]!["content"]!.GetValue<string>());
    }

    [Fact]
    public void Serialized_ReusesTheWireFormOfTheSameLeadingMessages_AndLeavesTheCallersMessagesAlone()
    {
        var history = History();
        List<ChatMessage> next = [.. history, new(ChatRole.Assistant, "answer"), new(ChatRole.User, "next")];
        List<ChatMessage> edited = [.. next];
        edited[3] = new ChatMessage(ChatRole.Tool, [new FunctionResultContent("c1", "edited")]);

        var first = Items(history);
        var second = Items(next);
        var third = Items(edited);

        Assert.Equal(history.Count, first.Count);
        Assert.All(Enumerable.Range(0, history.Count), i => Assert.True(SameMemory(first[i], second[i]), $"item {i} written again"));
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(SameMemory(second[i], third[i]), $"item {i} written again"));
        Assert.All(Enumerable.Range(3, edited.Count - 3), i => Assert.False(SameMemory(second[i], third[i]), $"item {i} reused after an edit"));
        Assert.All(history, message => Assert.Null(message.RawRepresentation));
        Assert.StartsWith("{\"role\":\"tool\"", Encoding.UTF8.GetString(first[3].Span), StringComparison.Ordinal);
        Assert.Contains("},{\"role\":\"tool\"", Encoding.UTF8.GetString(first[3].Span), StringComparison.Ordinal); // two results, two messages
    }

    /// <summary>What the agent sends turn after turn: the same instances plus new ones, then an edit, then a compacted history.</summary>
    private static List<List<ChatMessage>> Conversations()
    {
        var history = History();
        List<ChatMessage> first = [.. history, new(ChatRole.User, "turn 0")];
        List<ChatMessage> second = [.. first, new(ChatRole.Assistant, "answer 0"), new(ChatRole.User, "turn 1")];
        List<ChatMessage> third = [.. second, new(ChatRole.Assistant, "answer 1"), new(ChatRole.User, "turn 2")];
        List<ChatMessage> edited = [.. third];
        edited[2] = new ChatMessage(ChatRole.Assistant, "edited");
        List<ChatMessage> compacted = [history[0], new(ChatRole.User, "Summary of the conversation so far: weather."), .. third[^3..]];
        return [first, second, third, edited, compacted];
    }

    private static IReadOnlyList<ReadOnlyMemory<byte>> Items(List<ChatMessage> messages)
    {
        var message = Assert.Single(SerializedHistoryChatClient.Serialized(messages));
        return Assert.IsType<SerializedMessages>(message.RawRepresentation).Items;
    }

    private static bool SameMemory(ReadOnlyMemory<byte> a, ReadOnlyMemory<byte> b) =>
        a.Length == b.Length && a.Span.Overlaps(b.Span, out var offset) && offset == 0;
}
