using System.Text;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Hosting.Metrics;

public sealed class OtlpExportTests
{
    [Fact]
    public async Task OtlpEndpoint_MetricsArePostedAsProtobufToV1Metrics()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        await using var collector = await FakeOtlpReceiver.StartAsync(TestContext.Current.CancellationToken);
        var config = GatewayHarness.Config(llm);
        config = config with { Gateway = config.Gateway with { Metrics = new MetricsConfig { OtlpEndpoint = collector.Endpoint } } };

        await using (var gateway = await GatewayHarness.StartAsync(state.Path, config))
        {
            llm.EnqueueText("hello");
            await GatewayChat.AskAsync(gateway.Http, "hi");
            Assert.Contains("exporting metrics to OTLP (" + collector.Endpoint + "/v1/metrics)", gateway.Output, StringComparison.Ordinal);
        } // a graceful stop flushes the last values

        var request = await collector.WaitForAsync("/v1/metrics", TestContext.Current.CancellationToken);
        Assert.Equal("POST", request.Method);
        Assert.Equal("application/x-protobuf", request.ContentType);
        // Protobuf keeps strings as UTF-8: the instrument and the service are in the payload.
        var payload = Encoding.UTF8.GetString(request.Body);
        Assert.Contains("moltbot.model.tokens", payload, StringComparison.Ordinal);
        Assert.Contains("moltbot", payload, StringComparison.Ordinal);
    }

    [Fact]
    public void OtlpEndpoint_NotAUrl_StopsStartupNamingTheVariable()
    {
        using var state = new TempDirectory();
        var config = new MoltBotConfig { Gateway = new GatewayConfig { Port = 0, Metrics = new MetricsConfig { OtlpEndpoint = "collector:4318" } } };

        var error = Assert.Throws<ConfigException>(() => MoltBot.Gateway.GatewayApp.Build(new LoadedConfig(config, new MoltBotPaths(state.Path, state.Combine("moltbot.json")), false)));

        Assert.Contains("gateway.metrics.otlpEndpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", error.Message, StringComparison.Ordinal);
    }
}
