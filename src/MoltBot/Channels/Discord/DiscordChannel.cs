using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Channels.Access;
using MoltBot.Channels.Delivery;
using MoltBot.Configuration;
using MoltBot.Hosting;

namespace MoltBot.Channels.Discord;

/// <summary>
/// Runs the Discord client for the gateway's lifetime and hands every message it accepts to the dispatcher. The
/// client waits for each handler call, so a message is durably recorded before the next one is read.
/// A fatal error (bad token, missing intent) stops this channel with its explanation; the gateway keeps serving.
/// </summary>
internal sealed partial class DiscordChannel(
    DiscordClient client, DiscordChannelConfig config, ChannelDispatcher dispatcher, ILogger<DiscordChannel> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogConfigured(logger, config.Dm.AllowFrom.Count == 0 ? "none" : string.Join(",", config.Dm.AllowFrom));
        var access = new DmAccessOptions(config.Dm.Policy, config.Dm.AllowFrom);
        try
        {
            await client.RunAsync((message, _) =>
            {
                if (DiscordInboundFilter.ToInbound(message, config) is { } inbound)
                {
                    dispatcher.Accept(inbound, access);
                }
                return ValueTask.CompletedTask;
            }, stoppingToken);
        }
        catch (DiscordFatalException ex)
        {
            LogStopped(logger, ex.Message);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(EventId = 20, EventName = EventNames.DiscordConfigured, Level = LogLevel.Information, Message = "Discord channel configured: yes (DM allowlist: {AllowList})")]
    private static partial void LogConfigured(ILogger logger, string allowList);

    [LoggerMessage(EventId = 21, EventName = EventNames.DiscordStopped, Level = LogLevel.Error, Message = "Discord channel stopped: {Reason}")]
    private static partial void LogStopped(ILogger logger, string reason);
}
