using System.Diagnostics.Metrics;

namespace MoltBot.Hosting.Metrics;

/// <summary>
/// Every metric MoltBot reports, on one <see cref="Meter"/> ("MoltBot"). Features record here; exporters
/// (Prometheus <c>/metrics</c>, OTLP, Azure Monitor) listen to the meter, so recording costs next to nothing when none is on.
/// </summary>
internal sealed class MoltBotMetrics : IDisposable
{
    public const string MeterName = "MoltBot";

    private readonly Meter _meter;
    private readonly Dictionary<string, int> _channelConnected = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public MoltBotMetrics(IMeterFactory? meterFactory = null)
    {
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        MessagesIn = _meter.CreateCounter<long>("moltbot.messages.in", "{message}", "Messages received from channels and the API.");
        MessagesOut = _meter.CreateCounter<long>("moltbot.messages.out", "{message}", "Replies delivered to channels and the API.");
        MessagesDenied = _meter.CreateCounter<long>("moltbot.messages.denied", "{message}", "Messages refused by access control or rate limits.");
        AuthFailures = _meter.CreateCounter<long>("moltbot.auth.failures", "{request}", "Requests with a missing or wrong gateway token.");
        AgentRunDuration = _meter.CreateHistogram<double>("moltbot.agent.run.duration", "s", "Duration of an agent turn, tools included.");
        ModelLatency = _meter.CreateHistogram<double>("moltbot.model.latency", "s", "Duration of one model call.");
        ModelTokens = _meter.CreateCounter<long>("moltbot.model.tokens", "{token}", "Tokens used by model calls (tag direction=input|output).");
        ToolCalls = _meter.CreateCounter<long>("moltbot.tool.calls", "{call}", "Tool calls made by agents (tags tool, outcome).");
        _meter.CreateObservableGauge("moltbot.channel.connected", ObserveChannels, "{connection}", "1 while a channel is connected (tag channel).");
    }

    public Counter<long> MessagesIn { get; }
    public Counter<long> MessagesOut { get; }
    public Counter<long> MessagesDenied { get; }
    public Counter<long> AuthFailures { get; }
    public Histogram<double> AgentRunDuration { get; }
    public Histogram<double> ModelLatency { get; }
    public Counter<long> ModelTokens { get; }
    public Counter<long> ToolCalls { get; }

    public void SetChannelConnected(string channel, bool connected)
    {
        lock (_gate)
        {
            _channelConnected[channel] = connected ? 1 : 0;
        }
    }

    /// <summary>The meter instance of this host, so a listener can tell it from another host's in the same process (tests).</summary>
    internal Meter Meter => _meter;

    /// <summary>Counts one tool call; <paramref name="outcome"/> is <c>ok</c>, <c>error</c> or <c>unknown-tool</c>.</summary>
    public void RecordToolCall(string tool, string outcome) =>
        ToolCalls.Add(1, new KeyValuePair<string, object?>("tool", tool), new KeyValuePair<string, object?>("outcome", outcome));

    /// <summary>Times an agent turn until disposed (failures included).</summary>
    public AgentRunTimer TimeAgentRun(TimeProvider timeProvider, string agentId) => new(this, timeProvider, agentId, timeProvider.GetTimestamp());

    public void Dispose() => _meter.Dispose();

    internal readonly struct AgentRunTimer(MoltBotMetrics metrics, TimeProvider timeProvider, string agentId, long started) : IDisposable
    {
        public void Dispose() =>
            metrics.AgentRunDuration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("agent", agentId));
    }

    private IEnumerable<Measurement<int>> ObserveChannels()
    {
        lock (_gate)
        {
            return [.. _channelConnected.Select(c => new Measurement<int>(c.Value, new KeyValuePair<string, object?>("channel", c.Key)))];
        }
    }
}
