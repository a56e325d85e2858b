using System.Text;
using System.Text.Json.Nodes;
using MoltBot.TestSupport;

namespace MoltBot.Tests.TestSupport;

public sealed class FakeAnthropicServerTests
{
    [Fact]
    public async Task Messages_QueuedToolCall_AnswersToolUseBlock()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.EnqueueToolCall("get_weather", """{"city":"Oslo"}""", "toolu_9");
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl, "/v1/messages"), new StringContent("""{"model":"claude"}""", Encoding.UTF8, "application/json"), ct);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        Assert.Equal("tool_use", json["stop_reason"]!.GetValue<string>());
        var block = json["content"]![0]!;
        Assert.Equal("toolu_9", block["id"]!.GetValue<string>());
        Assert.Equal("Oslo", block["input"]!["city"]!.GetValue<string>());
    }

    [Fact]
    public async Task Messages_Streamed_SendsAnthropicEventSequence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.EnqueueText("Hello world");
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl, "/v1/messages"), new StringContent("""{"stream":true}""", Encoding.UTF8, "application/json"), ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        var events = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e.Split('\n')[0]["event: ".Length..]).ToList();
        Assert.Equal("message_start", events[0]);
        Assert.Contains("content_block_delta", events);
        Assert.Equal(["message_delta", "message_stop"], events[^2..]);
        var deltas = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(e => JsonNode.Parse(e.Split('\n')[1]["data: ".Length..])!)
            .Where(n => n["delta"]?["type"]?.GetValue<string>() == "text_delta")
            .Select(n => n["delta"]!["text"]!.GetValue<string>());
        Assert.Equal("Hello world", string.Concat(deltas));
    }
}
