using System.Net;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Hosting.Metrics;

/// <summary><c>/metrics</c> on a real gateway, scraped the way Prometheus does, after real turns through the fake model.</summary>
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterAChatTurnWithATool_ShowTokensLatencyRunDurationAndToolCalls()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm));
        llm.EnqueueToolCall("current_time", "{}");
        llm.EnqueueText("It is late.");

        await GatewayChat.AskAsync(gateway.Http, "What time is it?");
        using var response = await gateway.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("version=0.0.4", response.Content.Headers.ContentType.ToString(), StringComparison.Ordinal);
        // Two model calls of 11 input and 7 output tokens each (the fake's usage).
        Assert.Contains("moltbot_model_tokens_total{direction=\"input\",model=\"gpt-test\",provider=\"fake\"} 22\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_tokens_total{direction=\"output\",model=\"gpt-test\",provider=\"fake\"} 14\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_latency_seconds_count{model=\"gpt-test\",outcome=\"ok\",provider=\"fake\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_agent_run_duration_seconds_count{agent=\"main\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_tool_calls_total{outcome=\"ok\",tool=\"current_time\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE moltbot_messages_in_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_messages_in_total{channel=\"api\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_messages_out_total{channel=\"api\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WithoutTheToken_Is401_UnlessPublic()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        using var anonymous = new HttpClient();

        await using (var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm)))
        {
            using var refused = await anonymous.GetAsync(new Uri(gateway.BaseUri, "/metrics"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
            Assert.DoesNotContain("moltbot_", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        }

        var config = GatewayHarness.Config(llm);
        config = config with { Gateway = config.Gateway with { Metrics = new MetricsConfig { Public = true } } };
        await using (var gateway = await GatewayHarness.StartAsync(state.Path, config))
        {
            using var served = await anonymous.GetAsync(new Uri(gateway.BaseUri, "/metrics"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            // Public applies to /metrics only.
            using var anonymousApi = new HttpClient { BaseAddress = gateway.BaseUri };
            using var chat = await GatewayChat.PostAsync(anonymousApi, "hi");
            Assert.Equal(HttpStatusCode.Unauthorized, chat.StatusCode);
        }
    }

    [Fact]
    public async Task Metrics_Disabled_IsNotServed()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm);
        config = config with { Gateway = config.Gateway with { Metrics = new MetricsConfig { Enabled = false } } };
        await using var gateway = await GatewayHarness.StartAsync(state.Path, config);

        using var response = await gateway.Http.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
