using System.Net.WebSockets;
using System.Text.Json.Nodes;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Gateway;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Gateway.Sockets;

/// <summary>The WebSocket protocol over a real gateway: handshake, auth, malformed frames, WebChat's chat.* methods.</summary>
public sealed class SocketProtocolTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;
    private GatewayHarness _gateway = null!;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
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
    public async Task Connect_WithToken_ReturnsHelloWithMethodsAndPolicy()
    {
        await using var client = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);

        Assert.Equal("hello-ok", client.Hello.GetProperty("type").GetString());
        Assert.Equal(3, client.Hello.GetProperty("protocol").GetInt32());
        var methods = client.Hello.GetProperty("features").GetProperty("methods").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("chat.send", methods);
        Assert.True(client.Hello.GetProperty("policy").GetProperty("maxPayload").GetInt32() > 0);
        var health = await client.RequestAsync("health", null, Ct);
        Assert.True(health.GetProperty("payload").GetProperty("ok").GetBoolean());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Connect_WithoutValidToken_IsRefusedAndClosed(string? token)
    {
        await using var client = await GatewaySocketClient.OpenAsync(_gateway.BaseUri, cancellationToken: Ct);

        var response = await client.RequestAsync("connect", GatewaySocketClient.ConnectParams(token), Ct);

        Assert.False(response.GetProperty("ok").GetBoolean());
        Assert.Equal("UNAUTHORIZED", response.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.WaitClosedAsync(Ct));
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task BruteForcingConnect_IsThrottledLikeHttp_EvenForTheRightToken()
    {
        string? code = null;
        for (var attempt = 0; attempt < 20 && code != "RATE_LIMITED"; attempt++)
        {
            await using var client = await GatewaySocketClient.OpenAsync(_gateway.BaseUri, cancellationToken: Ct);
            var response = await client.RequestAsync("connect", GatewaySocketClient.ConnectParams($"guess-{attempt}"), Ct);
            code = response.GetProperty("error").GetProperty("code").GetString();
        }

        Assert.Equal("RATE_LIMITED", code);
        await using var owner = await GatewaySocketClient.OpenAsync(_gateway.BaseUri, cancellationToken: Ct);
        var refused = await owner.RequestAsync("connect", GatewaySocketClient.ConnectParams(GatewayHarness.Token), Ct);
        Assert.Equal("RATE_LIMITED", refused.GetProperty("error").GetProperty("code").GetString());
        Assert.True(refused.GetProperty("error").GetProperty("retryAfterMs").GetInt64() > 0);
    }

    [Fact]
    public async Task FirstFrameOtherThanConnect_ClosesTheConnection()
    {
        await using var client = await GatewaySocketClient.OpenAsync(_gateway.BaseUri, cancellationToken: Ct);

        await client.SendRawAsync("""{"type":"req","id":"1","method":"chat.send","params":{"message":"hi","idempotencyKey":"k"}}""", Ct);

        Assert.Equal(WebSocketCloseStatus.PolicyViolation, await client.WaitClosedAsync(Ct));
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task OversizedFrameBeforeAuth_ClosesWithMessageTooBig()
    {
        await using var client = await GatewaySocketClient.OpenAsync(_gateway.BaseUri, cancellationToken: Ct);

        await client.SendRawAsync(new string('x', 70 * 1024), Ct);

        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitClosedAsync(Ct));
    }

    [Fact]
    public async Task MalformedFrame_ClosesThatConnectionOnly_GatewayAndOtherClientsCarryOn()
    {
        await using var bystander = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);
        await using var broken = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);

        await broken.SendRawAsync("{ this is not json", Ct);

        Assert.Equal(WebSocketCloseStatus.InvalidPayloadData, await broken.WaitClosedAsync(Ct));
        _llm.EnqueueText("still here");
        var run = await bystander.ChatAsync("are you alive?", cancellationToken: Ct);
        Assert.Equal("still here", run.Text);
    }

    [Fact]
    public async Task UnknownMethodAndBadParams_GetErrorResponses_AndTheConnectionStays()
    {
        await using var client = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);

        var unknown = await client.RequestAsync("no.such.method", null, Ct);
        var missingKey = await client.RequestAsync("chat.send", new JsonObject { ["message"] = "hi" }, Ct);

        Assert.Equal("METHOD_NOT_FOUND", unknown.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal("INVALID_REQUEST", missingKey.GetProperty("error").GetProperty("code").GetString());
        Assert.Contains("idempotencyKey", missingKey.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.True((await client.RequestAsync("health", null, Ct)).GetProperty("ok").GetBoolean());
    }

    [Fact]
    public async Task ChatSend_StreamsDeltasThenFinal_AndHistoryHasTheExchange()
    {
        await using var client = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);
        _llm.EnqueueText("Hello from the model");

        var run = await client.ChatAsync("hi there", cancellationToken: Ct);

        Assert.Equal("final", run.State);
        Assert.Equal("Hello from the model", run.Text);
        Assert.Equal("Hello from the model", run.Streamed);
        var history = (await client.RequestAsync("chat.history", new JsonObject(), Ct)).GetProperty("payload");
        Assert.Equal("agent:main:main", history.GetProperty("sessionKey").GetString());
        var messages = history.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString(), m.GetProperty("text").GetString())).ToList();
        Assert.Equal([("user", "hi there"), ("assistant", "Hello from the model")], messages);
    }

    [Fact]
    public async Task ChatSend_SameIdempotencyKeyTwice_RunsOnce()
    {
        await using var client = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);
        _llm.EnqueueText("once");

        var first = await client.ChatAsync("do it", idempotencyKey: "key-1", cancellationToken: Ct);
        var again = await client.RequestAsync("chat.send", new JsonObject { ["message"] = "do it", ["idempotencyKey"] = "key-1" }, Ct);

        Assert.Equal(first.RunId, again.GetProperty("payload").GetProperty("runId").GetString());
        Assert.Equal("in_flight", again.GetProperty("payload").GetProperty("status").GetString());
        Assert.Single(_llm.Requests);
    }

    [Fact]
    public async Task ChatAbort_StopsARunningTurn()
    {
        await using var client = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);
        _llm.EnqueueHang();
        var accepted = await client.RequestAsync("chat.send", new JsonObject { ["message"] = "take forever", ["idempotencyKey"] = "slow" }, Ct);
        var runId = accepted.GetProperty("payload").GetProperty("runId").GetString()!;
        await _llm.WaitForRequestAsync(1, Ct);

        var abort = await client.RequestAsync("chat.abort", new JsonObject { ["runId"] = runId }, Ct);

        Assert.True(abort.GetProperty("payload").GetProperty("aborted").GetBoolean());
        var ended = await client.NextEventAsync("chat", Ct);
        Assert.Equal("aborted", ended.GetProperty("state").GetString());
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost:1")]
    public async Task CrossOriginBrowserPage_CannotOpenTheSocket(string origin)
    {
        var failed = await Assert.ThrowsAnyAsync<WebSocketException>(() => GatewaySocketClient.OpenAsync(_gateway.BaseUri, origin, Ct));

        Assert.Contains("403", failed.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameOriginBrowserPage_CanConnect()
    {
        var origin = $"http://{_gateway.BaseUri.Authority}";

        await using var client = await GatewaySocketClient.OpenAsync(_gateway.BaseUri, origin, Ct);
        var response = await client.RequestAsync("connect", GatewaySocketClient.ConnectParams(GatewayHarness.Token), Ct);

        Assert.True(response.GetProperty("ok").GetBoolean());
    }
}
