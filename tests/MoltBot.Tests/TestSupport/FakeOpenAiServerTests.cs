using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MoltBot.TestSupport;

namespace MoltBot.Tests.TestSupport;

public sealed class FakeOpenAiServerTests
{
    private static StringContent Body(string json) => new(json, Encoding.UTF8, "application/json");

    [Fact]
    public async Task Completion_QueuedText_AnswersTextAndRecordsRequest()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueText("hello there");
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("""{"model":"m1","messages":[]}"""), ct);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        Assert.Equal("hello there", json["choices"]![0]!["message"]!["content"]!.GetValue<string>());
        Assert.Equal("m1", json["model"]!.GetValue<string>());
        Assert.Equal(11, json["usage"]!["prompt_tokens"]!.GetValue<int>());
        var recorded = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", recorded.Path);
        Assert.Equal("m1", recorded.Json!["model"]!.GetValue<string>());
    }

    [Fact]
    public async Task Completion_StreamedToolCall_SendsChunksFinishReasonAndDone()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueToolCall("get_weather", """{"city":"Oslo"}""", "call_x");
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("""{"model":"m","stream":true}"""), ct);
        var text = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        var data = text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).ToList();
        Assert.Equal("[DONE]", data[^1]);
        var chunks = data[..^1].Select(d => JsonNode.Parse(d)!).ToList();
        var args = string.Concat(chunks
            .SelectMany(c => c["choices"]!.AsArray())
            .Select(c => c!["delta"]?["tool_calls"]?[0]?["function"]?["arguments"]?.GetValue<string>()));
        Assert.Equal("""{"city":"Oslo"}""", args);
        Assert.Contains(chunks, c => c["choices"]!.AsArray().Any(ch => ch!["finish_reason"]?.GetValue<string>() == "tool_calls"));
        Assert.Contains(chunks, c => c["usage"]?["completion_tokens"]?.GetValue<int>() == 7);
    }

    [Fact]
    public async Task Completion_QueuedError_AnswersStatusAndHeaders()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueError(429, headers: new Dictionary<string, string> { ["Retry-After"] = "2" });
        using var http = new HttpClient();

        using var first = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("{}"), ct);
        using var second = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("{}"), ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, first.StatusCode);
        Assert.Equal("2", first.Headers.GetValues("Retry-After").Single());
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
    }

    [Fact]
    public async Task Completion_AzureDeploymentPath_IsServedAtRoot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var http = new HttpClient();

        using var response = await http.PostAsync(new Uri(server.RootUrl, "/openai/deployments/dep1/chat/completions?api-version=2024-10-21"), Body("{}"), ct);

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct))!;
        Assert.Equal("dep1", json["model"]!.GetValue<string>());
        Assert.Equal("?api-version=2024-10-21", server.Requests[0].Query);
    }

    [Fact]
    public async Task Hang_ClientCancels_RequestEndsAndServerKeepsServing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueHang();
        using var http = new HttpClient();
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(ct);

        var hanging = http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("{}"), cancel.Token);
        await server.WaitForRequestAsync(1, ct);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hanging);
        using var next = await http.PostAsync(new Uri(server.BaseUrl + "/chat/completions"), Body("{}"), ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Models_Get_ListsModelIds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        using var http = new HttpClient();

        var json = JsonNode.Parse(await http.GetStringAsync(new Uri(server.BaseUrl + "/models"), ct))!;

        Assert.Contains(json["data"]!.AsArray(), m => m!["id"]!.GetValue<string>() == "gpt-4o-mini");
    }
}
