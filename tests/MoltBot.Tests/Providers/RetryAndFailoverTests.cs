using Microsoft.Extensions.AI;
using MoltBot.Configuration;
using MoltBot.Providers;
using MoltBot.TestSupport;

using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Providers;

public sealed class RetryAndFailoverTests
{
    private static readonly ChatMessage[] Hi = [new(ChatRole.User, "hi")];

    private static MoltBotConfig TwoProviders(FakeOpenAiServer primary, FakeAnthropicServer fallback) => ProviderConfigs.With(
        ("openrouter", new ProviderConfig { BaseUrl = primary.BaseUrl.ToString(), ApiKey = ProviderConfigs.Key("sk-or-secret-value-1", "env OPENROUTER_API_KEY") }),
        ("anthropic", new ProviderConfig { BaseUrl = fallback.BaseUrl.ToString(), ApiKey = ProviderConfigs.Key("sk-ant-secret-value-2", "env ANTHROPIC_API_KEY") }));

    private static RetryOptions NoDelay => new() { BaseDelay = TimeSpan.Zero };

    [Fact]
    public async Task Retry_429WithRetryAfter_WaitsExactlyRetryAfterThenSucceeds()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueError(429, headers: new Dictionary<string, string> { ["Retry-After"] = "7" });
        server.EnqueueText("after the wait");
        var time = new RecordingTimeProvider();
        var config = ProviderConfigs.With(("openai", new ProviderConfig { BaseUrl = server.BaseUrl.ToString(), ApiKey = ProviderConfigs.Key("sk-1", "env OPENAI_API_KEY") }));
        using var client = new ModelRouter(config, time).CreateClient(["openai/gpt-4o"]);

        var call = client.GetResponseAsync(Hi, cancellationToken: ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(7), ct);
        Assert.Single(server.Requests);
        time.Advance(TimeSpan.FromSeconds(7));
        var response = await call;

        Assert.Equal("after the wait", response.Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Retry_RetryAfterMsHeader_TakesPrecedence()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueError(503, headers: new Dictionary<string, string> { ["retry-after-ms"] = "1500", ["Retry-After"] = "30" });
        var time = new RecordingTimeProvider();
        var config = ProviderConfigs.With(("openai", new ProviderConfig { BaseUrl = server.BaseUrl.ToString(), ApiKey = ProviderConfigs.Key("sk-1", "env OPENAI_API_KEY") }));
        using var client = new ModelRouter(config, time).CreateClient(["openai/gpt-4o"]);

        var call = client.GetStreamingResponseAsync(Hi, cancellationToken: ct).ToListAsync(ct).AsTask();
        await time.WaitForTimerAsync(TimeSpan.FromMilliseconds(1500), ct);
        time.Advance(TimeSpan.FromMilliseconds(1500));

        Assert.Equal("ok", (await call).ToChatResponse().Text);
    }

    [Fact]
    public async Task Failover_500OnEveryAttempt_RetriesThenUsesFallbackProvider()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var primary = await FakeOpenAiServer.StartAsync(ct);
        await using var fallback = await FakeAnthropicServer.StartAsync(ct);
        primary.DefaultReply = _ => FakeReply.Error(500);
        fallback.EnqueueText("from the fallback");
        var router = new ModelRouter(TwoProviders(primary, fallback), TimeProvider.System, new ModelRouterOptions { Retry = NoDelay with { MaxAttempts = 3 } });
        using var client = router.CreateClient(["openrouter/anthropic/claude-3.5-sonnet", "anthropic/claude-3-5-sonnet-latest"]);

        var response = await client.GetResponseAsync(Hi, cancellationToken: ct);

        Assert.Equal("from the fallback", response.Text);
        Assert.Equal(3, primary.Requests.Count);
        Assert.Single(fallback.Requests);
    }

    [Fact]
    public async Task Failover_Streaming_FallsBackBeforeFirstUpdate()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var primary = await FakeOpenAiServer.StartAsync(ct);
        await using var fallback = await FakeAnthropicServer.StartAsync(ct);
        primary.DefaultReply = _ => FakeReply.Error(502);
        fallback.EnqueueText("streamed fallback");
        var router = new ModelRouter(TwoProviders(primary, fallback), TimeProvider.System, new ModelRouterOptions { Retry = NoDelay with { MaxAttempts = 2 } });
        using var client = router.CreateClient(new ModelSelection { Primary = "openrouter/openai/gpt-4o", Fallbacks = ["anthropic/claude-3-5-haiku-latest"] });

        var updates = await client.GetStreamingResponseAsync(Hi, cancellationToken: ct).ToListAsync(ct);

        Assert.Equal("streamed fallback", updates.ToChatResponse().Text);
        Assert.Equal(2, primary.Requests.Count);
    }

    [Fact]
    public async Task Streaming_FailureAfterFirstUpdate_IsNotRetried()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeAnthropicServer.StartAsync(ct);
        server.Enqueue(new FakeReply { Text = "partial answer that breaks", StreamErrorAfterEvents = 4 });
        var config = ProviderConfigs.With(("anthropic", new ProviderConfig { BaseUrl = server.BaseUrl.ToString(), ApiKey = ProviderConfigs.Key("k-1", "env ANTHROPIC_API_KEY") }));
        using var client = new ModelRouter(config, TimeProvider.System, new ModelRouterOptions { Retry = NoDelay }).CreateClient(["anthropic/claude-3-5-haiku-latest"]);
        var received = new List<ChatResponseUpdate>();

        var ex = await Record.ExceptionAsync(async () =>
        {
            await foreach (var update in client.GetStreamingResponseAsync(Hi, cancellationToken: ct))
            {
                received.Add(update);
            }
        });
        var error = Assert.IsType<ProviderException>(ex);
        Assert.Equal(529, error.StatusCode);
        Assert.Contains("Overloaded", error.Message, StringComparison.Ordinal);

        Assert.NotEmpty(received);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Timeout_HangingProvider_TimesOutOnFakeClockAndRetries()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueHang();
        server.EnqueueText("second try");
        var time = new RecordingTimeProvider();
        var retry = new RetryOptions { AttemptTimeout = TimeSpan.FromSeconds(42), BaseDelay = TimeSpan.Zero };
        var config = ProviderConfigs.With(("openai", new ProviderConfig { BaseUrl = server.BaseUrl.ToString(), ApiKey = ProviderConfigs.Key("sk-1", "env OPENAI_API_KEY") }));
        using var client = new ModelRouter(config, time, new ModelRouterOptions { Retry = retry }).CreateClient(["openai/gpt-4o"]);

        var call = client.GetResponseAsync(Hi, cancellationToken: ct);
        await server.WaitForRequestAsync(1, ct);
        time.Advance(TimeSpan.FromSeconds(42));

        Assert.Equal("second try", (await call).Text);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Auth_401_NotRetriedAndNamesKeySourceButNotKey()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeOpenAiServer.StartAsync(ct);
        server.EnqueueError(401, """{"error":{"message":"Invalid API key sk-or-secret-value-1","code":401}}""");
        var config = ProviderConfigs.With(("openrouter", new ProviderConfig { BaseUrl = server.BaseUrl.ToString(), ApiKey = ProviderConfigs.Key("sk-or-secret-value-1", "env OPENROUTER_API_KEY") }));
        using var client = new ModelRouter(config, TimeProvider.System, new ModelRouterOptions { Retry = NoDelay }).CreateClient(["openrouter/openai/gpt-4o"]);

        var ex = await Assert.ThrowsAsync<ProviderAuthException>(() => client.GetResponseAsync(Hi, cancellationToken: ct));

        Assert.Contains("the key from env OPENROUTER_API_KEY was rejected (HTTP 401)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("OPENROUTER_API_KEY or models.providers.openrouter.apiKey", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-or-secret-value-1", ex.ToString(), StringComparison.Ordinal);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task Failover_AllModelsFail_ThrowsWithEachModelsError()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var primary = await FakeOpenAiServer.StartAsync(ct);
        await using var fallback = await FakeAnthropicServer.StartAsync(ct);
        primary.EnqueueError(400, """{"error":{"message":"bad tool schema"}}""");
        fallback.EnqueueError(403);
        var router = new ModelRouter(TwoProviders(primary, fallback), TimeProvider.System, new ModelRouterOptions { Retry = NoDelay });
        using var client = router.CreateClient(["openrouter/openai/gpt-4o", "anthropic/claude-3-5-haiku-latest"]);

        var ex = await Assert.ThrowsAsync<ModelFailoverException>(() => client.GetResponseAsync(Hi, cancellationToken: ct));

        Assert.Equal(2, ex.Failures.Count);
        Assert.Contains("openrouter/openai/gpt-4o: Provider 'openrouter' rejected the request (HTTP 400): bad tool schema", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ProviderAuthException>(ex.Failures[1].Error);
        Assert.Single(primary.Requests);
    }

    [Fact]
    public async Task Connection_Refused_IsTransientProviderException()
    {
        var ct = TestContext.Current.CancellationToken;
        // A bound socket that never listens: connections are refused, and no other test's server can take the port.
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
        socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var deadUrl = new Uri($"http://{socket.LocalEndPoint}/v1");
        var config = ProviderConfigs.With(("openai", new ProviderConfig { BaseUrl = deadUrl.ToString(), ApiKey = ProviderConfigs.Key("sk-1", "env OPENAI_API_KEY") }));
        using var client = new ModelRouter(config, TimeProvider.System, new ModelRouterOptions { Retry = NoDelay with { MaxAttempts = 2 } }).CreateClient(["openai/gpt-4o"]);

        var ex = await Assert.ThrowsAsync<ProviderException>(() => client.GetResponseAsync(Hi, cancellationToken: ct));

        Assert.True(ex.IsTransient);
        Assert.Contains("Could not reach provider 'openai'", ex.Message, StringComparison.Ordinal);
    }
}
