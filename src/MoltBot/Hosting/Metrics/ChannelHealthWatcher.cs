using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Channels;

namespace MoltBot.Hosting.Metrics;

/// <summary>
/// Reads every channel's status on a timer, keeps the <c>moltbot.channel.connected</c> gauge current and logs
/// <see cref="EventNames.ChannelDisconnected"/> once per drop (connected → not connected, or a reconnect in between two
/// reads), which the channel-disconnected alert counts. Polling the adapters' own status keeps this out of their code;
/// with no channel configured nothing is started.
/// </summary>
internal sealed partial class ChannelHealthWatcher(
    IEnumerable<IChannelStatusSource> channels, MoltBotMetrics metrics, TimeProvider time, ILogger<ChannelHealthWatcher> logger) : BackgroundService
{
    internal static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly IChannelStatusSource[] _channels = [.. channels];
    private readonly Dictionary<string, ChannelStatus> _last = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_channels.Length == 0)
        {
            return;
        }
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                Check();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    /// <summary>One read of every channel (the timer's tick; tests call it directly).</summary>
    internal void Check()
    {
        foreach (var source in _channels)
        {
            var status = source.Snapshot();
            metrics.SetChannelConnected(status.Channel, status.Connected);
            if (_last.TryGetValue(status.Channel, out var previous)
                && previous.Connected && (!status.Connected || status.Reconnects > previous.Reconnects))
            {
                LogDisconnected(logger, status.Channel, status.Connected ? "reconnected" : status.Stopped ? "stopped" : "reconnecting", status.LastError ?? "");
            }
            _last[status.Channel] = status;
        }
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.ChannelDisconnected, Level = LogLevel.Warning,
        Message = "channel {Channel} lost its connection (now {State}): {Error}")]
    private static partial void LogDisconnected(ILogger logger, string channel, string state, string error);
}
