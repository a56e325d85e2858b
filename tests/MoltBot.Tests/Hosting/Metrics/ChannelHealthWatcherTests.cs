using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels;
using MoltBot.Hosting;
using MoltBot.Hosting.Metrics;

namespace MoltBot.Tests.Hosting.Metrics;

/// <summary>The channel-disconnected alert counts <c>ChannelDisconnected</c> JSON lines: one per drop, none while healthy or still down.</summary>
public sealed class ChannelHealthWatcherTests
{
    private sealed class SettableStatus : IChannelStatusSource
    {
        public ChannelStatus Status { get; set; } = new("telegram", false, null, null, null, 0, false);
        public ChannelStatus Snapshot() => Status;
    }

    [Fact]
    public void Check_LogsOncePerDrop_IncludingAFlapBetweenReads_AndKeepsTheGaugeCurrent()
    {
        var time = new FakeTimeProvider();
        using var output = new StringWriter();
        using var provider = new JsonLineLoggerProvider(output, LogLevel.Information, time);
        using var metrics = new MoltBotMetrics();
        using var collector = new PrometheusCollector(metrics);
        var channel = new SettableStatus();
        using var watcher = new ChannelHealthWatcher([channel], metrics, time, new Logger<ChannelHealthWatcher>(new LoggerFactory([provider])));

        watcher.Check(); // connecting: not a drop
        channel.Status = channel.Status with { Connected = true };
        watcher.Check();
        Assert.Contains("moltbot_channel_connected{channel=\"telegram\"} 1\n", collector.Render(), StringComparison.Ordinal);
        watcher.Check(); // healthy: nothing
        channel.Status = channel.Status with { Connected = false, LastError = "getUpdates: 502", Reconnects = 1 };
        watcher.Check(); // the drop
        Assert.Contains("moltbot_channel_connected{channel=\"telegram\"} 0\n", collector.Render(), StringComparison.Ordinal);
        channel.Status = channel.Status with { Reconnects = 2 };
        watcher.Check(); // still down: no second line
        channel.Status = channel.Status with { Connected = true, Reconnects = 3 };
        watcher.Check(); // back
        channel.Status = channel.Status with { Reconnects = 4 };
        watcher.Check(); // dropped and came back between two reads

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(EventNames.ChannelDisconnected, l.GetProperty("event").GetString()));
        Assert.All(lines, l => Assert.Equal("telegram", l.GetProperty("Channel").GetString()));
        Assert.Equal("reconnecting", lines[0].GetProperty("State").GetString());
        Assert.Equal("getUpdates: 502", lines[0].GetProperty("Error").GetString());
        Assert.Equal("reconnected", lines[1].GetProperty("State").GetString());
    }
}
