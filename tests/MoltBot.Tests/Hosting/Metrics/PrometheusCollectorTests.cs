using MoltBot.Hosting.Metrics;

namespace MoltBot.Tests.Hosting.Metrics;

public sealed class PrometheusCollectorTests
{
    [Fact]
    public void Render_CountersHistogramsAndGauges_InTextFormat004()
    {
        using var metrics = new MoltBotMetrics();
        using var collector = new PrometheusCollector(metrics);

        metrics.ModelTokens.Add(11, new("provider", "fake"), new("model", "gpt-test"), new("direction", "input"));
        metrics.ModelTokens.Add(11, new("direction", "input"), new("model", "gpt-test"), new("provider", "fake"));
        metrics.ModelLatency.Record(0.3, new KeyValuePair<string, object?>("provider", "fake"));
        metrics.ModelLatency.Record(7, new KeyValuePair<string, object?>("provider", "fake"));
        metrics.SetChannelConnected("discord", true);
        var text = collector.Render();

        Assert.Contains("# TYPE moltbot_model_tokens_total counter\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP moltbot_model_tokens_total Tokens used by model calls (tag direction=input|output).\n", text, StringComparison.Ordinal);
        // Tags in any order are one series.
        Assert.Contains("moltbot_model_tokens_total{direction=\"input\",model=\"gpt-test\",provider=\"fake\"} 22\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE moltbot_model_latency_seconds histogram\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_latency_seconds_bucket{provider=\"fake\",le=\"0.25\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_latency_seconds_bucket{provider=\"fake\",le=\"0.5\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_latency_seconds_bucket{provider=\"fake\",le=\"10\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_latency_seconds_bucket{provider=\"fake\",le=\"+Inf\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_latency_seconds_sum{provider=\"fake\"} 7.3\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_model_latency_seconds_count{provider=\"fake\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE moltbot_channel_connected gauge\nmoltbot_channel_connected{channel=\"discord\"} 1\n", text, StringComparison.Ordinal);
        // Nothing counted yet is still a series, at 0.
        Assert.Contains("moltbot_messages_in_total 0\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_RepeatedTagSets_EachCountedInItsOwnSeries()
    {
        using var metrics = new MoltBotMetrics();
        using var collector = new PrometheusCollector(metrics);

        for (var i = 0; i < 10; i++)
        {
            metrics.MessagesIn.Add(1, new("channel", i % 2 == 0 ? "api" : "webchat"), new("code", i < 6 ? 200 : 500));
        }
        // More label sets than are remembered by their tags: the ones past that are still counted.
        for (var i = 0; i < 40; i++)
        {
            metrics.MessagesIn.Add(1, new("channel", $"c{i}"), new("code", 200));
            metrics.MessagesIn.Add(1, new("channel", $"c{i}"), new("code", 200));
        }
        var text = collector.Render();

        Assert.Contains("moltbot_messages_in_total{channel=\"api\",code=\"200\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_messages_in_total{channel=\"webchat\",code=\"200\"} 3\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_messages_in_total{channel=\"api\",code=\"500\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_messages_in_total{channel=\"webchat\",code=\"500\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_messages_in_total{channel=\"c0\",code=\"200\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("moltbot_messages_in_total{channel=\"c39\",code=\"200\"} 2\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EscapesLabelValues()
    {
        using var metrics = new MoltBotMetrics();
        using var collector = new PrometheusCollector(metrics);

        metrics.RecordToolCall("we\"ird\\tool\nname", "ok");

        Assert.Contains("moltbot_tool_calls_total{outcome=\"ok\",tool=\"we\\\"ird\\\\tool\\nname\"} 1\n", collector.Render(), StringComparison.Ordinal);
    }

    [Fact]
    public void Collector_IgnoresAnotherHostsMeterOfTheSameName()
    {
        using var mine = new MoltBotMetrics();
        using var other = new MoltBotMetrics();
        using var collector = new PrometheusCollector(mine);

        other.MessagesIn.Add(5);

        Assert.Contains("moltbot_messages_in_total 0\n", collector.Render(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("moltbot.agent.run.duration", "s", "moltbot_agent_run_duration_seconds")]
    [InlineData("moltbot.model.tokens", "{token}", "moltbot_model_tokens")]
    [InlineData("http.server.request.duration_seconds", "s", "http_server_request_duration_seconds")]
    [InlineData("9lives", null, "_9lives")]
    public void Metric_FollowsTheOpenTelemetryToPrometheusRules(string name, string? unit, string expected) =>
        Assert.Equal(expected, PrometheusNames.Metric(name, unit));
}
