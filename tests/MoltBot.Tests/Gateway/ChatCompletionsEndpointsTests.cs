using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Storage;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway;

public sealed class ChatCompletionsEndpointsTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;
    private GatewayHarness _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        _gateway = await GatewayHarness.StartAsync(_state.Path, GatewayHarness.Config(_llm));
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Probes_AnswerWithoutToken()
    {
        using var anonymous = new HttpClient { BaseAddress = _gateway.BaseUri };
        Assert.Equal("""{"ok":true,"status":"live"}""", await anonymous.GetStringAsync("/health", Ct));
        Assert.Equal("""{"ok":true,"status":"ready"}""", await anonymous.GetStringAsync("/ready", Ct));
        Assert.Contains("<title>MoltBot</title>", await anonymous.GetStringAsync("/", Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task ChatCompletions_WithoutValidToken_Returns401_AndNeverCallsModel(string? token)
    {
        using var anonymous = new HttpClient { BaseAddress = _gateway.BaseUri };
        if (token is not null)
        {
            anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await GatewayChat.PostAsync(anonymous, "hello");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("gateway token", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task ChatCompletions_ReturnsModelReply_WithPersonaInSystemPrompt()
    {
        _llm.EnqueueText("Hello from the fake model");

        var reply = await GatewayChat.AskAsync(_gateway.Http, "hi there");

        Assert.Equal("Hello from the fake model", reply);
        var sent = _llm.Requests.Single().Json!;
        Assert.Equal("gpt-test", sent["model"]!.GetValue<string>());
        var messages = sent["messages"]!.AsArray();
        Assert.Equal("system", messages[0]!["role"]!.GetValue<string>());
        Assert.Contains("SOUL.md", messages[0]!["content"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("hi there", messages[^1]!["content"]!.ToJsonString().Trim('"'));
        Assert.Contains("current_time", sent["tools"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelRequest_AndStoredEntries_AreCompactJson()
    {
        _llm.EnqueueText("compact");

        await GatewayChat.AskAsync(_gateway.Http, "hi there");

        // Tool schemas go out without indentation; newlines inside texts are escaped.
        Assert.DoesNotContain('\n', _llm.Requests.Single().Body);
        using var connection = _gateway.Services.GetRequiredService<SqliteDatabase>().Open();
        using var query = connection.CreateCommand();
        query.CommandText = "SELECT content FROM messages";
        using var reader = query.ExecuteReader();
        var rows = 0;
        for (; reader.Read(); rows++)
        {
            Assert.DoesNotContain('\n', reader.GetString(0));
        }
        Assert.Equal(2, rows);
    }

    [Fact]
    public async Task ChatCompletions_Reply_CarriesItsLength_NotChunked()
    {
        _llm.EnqueueText("Hello with a length");

        using var response = await GatewayChat.PostAsync(_gateway.Http, "hi");
        var body = await response.Content.ReadAsByteArrayAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, response.Content.Headers.ContentLength);
        Assert.NotEqual(true, response.Headers.TransferEncodingChunked);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Hello with a length", JsonNode.Parse(body)!["choices"]![0]!["message"]!["content"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"model\": \"moltbot\", \"messages\": [")]
    [InlineData("")]
    public async Task ChatCompletions_BodyThatIsNotJson_Returns400_AndTheNextRequestIsServed(string body)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        using var response = await _gateway.Http.PostAsync("/v1/chat/completions", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Empty(_llm.Requests);
        _llm.EnqueueText("still here");
        Assert.Equal("still here", await GatewayChat.AskAsync(_gateway.Http, "hi"));
    }

    [Fact]
    public async Task ChatCompletions_Stream_SendsSseChunksThenDone()
    {
        _llm.EnqueueText("streamed words arrive in pieces");

        using var response = await GatewayChat.PostAsync(_gateway.Http, "stream please", stream: true);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Select(e => e["data: ".Length..]).ToList();
        Assert.Equal("[DONE]", events[^1]);
        var text = string.Concat(events.SkipLast(1).Select(e => JsonNode.Parse(e)!["choices"]![0]!["delta"]!["content"]?.GetValue<string>()));
        Assert.Equal("streamed words arrive in pieces", text);
        Assert.Equal("stop", JsonNode.Parse(events[^2])!["choices"]![0]!["finish_reason"]!.GetValue<string>());
        Assert.All(events.SkipLast(1), e => Assert.Equal("chat.completion.chunk", JsonNode.Parse(e)!["object"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ToolCall_RoundTripsThroughTheModel()
    {
        _llm.EnqueueToolCall("current_time", """{"timezone":"UTC"}""", "call_1");
        _llm.EnqueueText("It is morning.");

        var reply = await GatewayChat.AskAsync(_gateway.Http, "what time is it?");

        Assert.Equal("It is morning.", reply);
        Assert.Equal(2, _llm.Requests.Count);
        var second = _llm.Requests[1].Json!["messages"]!.AsArray();
        var toolMessage = second.Single(m => m!["role"]!.GetValue<string>() == "tool")!;
        Assert.Equal("call_1", toolMessage["tool_call_id"]!.GetValue<string>());
        Assert.Contains("UTC", toolMessage["content"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ToolLoop_StopsAtTheStepLimit_WithAnExplanation()
    {
        _llm.DefaultReply = _ => FakeReply.FromToolCall("current_time", "{}");

        var reply = await GatewayChat.AskAsync(_gateway.Http, "loop forever");

        Assert.Equal(MoltBot.Agent.AgentRunner.MaxSteps, _llm.Requests.Count);
        Assert.Contains($"stopped after {MoltBot.Agent.AgentRunner.MaxSteps} model calls", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownTool_IsReportedToTheModel_NotThrown()
    {
        _llm.EnqueueToolCall("launch_rockets", "{}", "call_x");
        _llm.EnqueueText("I cannot do that.");

        Assert.Equal("I cannot do that.", await GatewayChat.AskAsync(_gateway.Http, "launch"));
        Assert.Contains("no tool named 'launch_rockets'", _llm.Requests[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_SelectsSeparateSessions()
    {
        _llm.EnqueueText("a1");
        _llm.EnqueueText("b1");
        _llm.EnqueueText("a2");
        await GatewayChat.AskAsync(_gateway.Http, "I am Alice", user: "alice");
        await GatewayChat.AskAsync(_gateway.Http, "I am Bob", user: "bob");

        await GatewayChat.AskAsync(_gateway.Http, "who am I?", user: "alice");

        var third = _llm.Requests[2].Json!["messages"]!.ToJsonString();
        Assert.Contains("I am Alice", third, StringComparison.Ordinal);
        Assert.DoesNotContain("I am Bob", third, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChatCommands_AreAnsweredByTheGateway_NotTheModel()
    {
        var status = await GatewayChat.AskAsync(_gateway.Http, "/status");
        Assert.Contains("Session: agent:main:main", status, StringComparison.Ordinal);
        Assert.Contains(GatewayHarness.Model, status, StringComparison.Ordinal);

        var bad = await GatewayChat.AskAsync(_gateway.Http, "/model nosuch/thing");
        Assert.Contains("nosuch", bad, StringComparison.Ordinal);

        var reset = await GatewayChat.AskAsync(_gateway.Http, "/new");
        Assert.Contains("new session", reset, StringComparison.Ordinal);
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task New_ForgetsEarlierTurnsForTheModel()
    {
        await GatewayChat.AskAsync(_gateway.Http, "remember the word pelican");
        await GatewayChat.AskAsync(_gateway.Http, "/new");

        await GatewayChat.AskAsync(_gateway.Http, "what word?");

        Assert.DoesNotContain("pelican", _llm.Requests[^1].Json!["messages"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownModel_Returns400_ListingAgents()
    {
        using var response = await GatewayChat.PostAsync(_gateway.Http, "hi", model: "gpt-4o");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("moltbot/main", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModelsList_ShowsAgents()
    {
        var body = JsonNode.Parse(await _gateway.Http.GetStringAsync("/v1/models", Ct))!;
        Assert.Equal(["moltbot", "moltbot/main"], body["data"]!.AsArray().Select(m => m!["id"]!.GetValue<string>()).ToArray());
    }

    [Fact]
    public async Task ProviderError_Returns502_WithReadableMessage()
    {
        _llm.EnqueueError(400, """{"error":{"message":"context too long","type":"invalid_request_error"}}""");

        using var response = await GatewayChat.PostAsync(_gateway.Http, "hi");

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.Contains("error", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public void StartupLog_HasTheLinesUsersCheck()
    {
        Assert.Contains($"[gateway] agent model: {GatewayHarness.Model}", _gateway.Output, StringComparison.Ordinal);
        Assert.Contains($"[gateway] listening on ws://127.0.0.1:{_gateway.BaseUri.Port}", _gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(GatewayHarness.Token, _gateway.Output, StringComparison.Ordinal);
    }
}
