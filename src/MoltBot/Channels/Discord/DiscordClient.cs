using Microsoft.Extensions.Logging;
using MoltBot.Channels.Discord.Gateway;
using MoltBot.Channels.Discord.Rest;

namespace MoltBot.Channels.Discord;

/// <summary>
/// MoltBot's Discord client: the gateway for inbound messages, REST for replies and typing, and a status snapshot.
/// Run it with <see cref="RunAsync"/> (e.g. from a hosted service); it reconnects by itself and only returns by
/// cancellation or a <see cref="DiscordFatalException"/> whose message tells the user what to fix.
/// </summary>
internal sealed class DiscordClient
{
    private readonly DiscordGatewayClient _gateway;

    public DiscordClient(
        DiscordOptions options,
        HttpClient http,
        TimeProvider time,
        ILogger<DiscordClient> logger,
        IDiscordWebSocketFactory? sockets = null,
        IDiscordMessageDeduplicator? deduplicator = null,
        Random? random = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Token, "channels.discord.token");
        Rest = new DiscordRestClient(http, options, time, logger);
        _gateway = new DiscordGatewayClient(
            options,
            Rest,
            sockets ?? new ClientWebSocketFactory(),
            deduplicator ?? new InMemoryDiscordMessageDeduplicator(options.DeduplicationWindow),
            time,
            random ?? Random.Shared,
            logger);
    }

    public DiscordRestClient Rest { get; }

    public DiscordStatus Status => _gateway.Status;

    /// <summary>Reconnects with a fresh IDENTIFY using the current token (the token secret was rotated).</summary>
    public void Reauthenticate() => _gateway.Reauthenticate();

    /// <summary>
    /// Connects and delivers every MESSAGE_CREATE (including the bot's own and other bots' messages: filtering is the
    /// caller's) to <paramref name="onMessage"/>, one at a time, in order; see <see cref="DiscordGatewayClient"/>.
    /// A handler that throws is logged and the message is not marked handled.
    /// </summary>
    public Task RunAsync(Func<DiscordInboundMessage, CancellationToken, ValueTask> onMessage, CancellationToken cancellationToken) =>
        _gateway.RunAsync(onMessage, cancellationToken);

    /// <summary>
    /// Sends <paramref name="text"/> split into Discord-sized messages, the first threaded as a reply to
    /// <paramref name="replyToMessageId"/>. Whitespace-only pieces are skipped (Discord rejects empty messages).
    /// For exactly-once delivery an outbox should instead split with <see cref="DiscordMessageSplitter"/>, store the
    /// chunks, and send each with <see cref="DiscordRestClient.CreateMessageAsync"/> and a nonce.
    /// </summary>
    public async Task<IReadOnlyList<DiscordSentMessage>> SendReplyAsync(
        string channelId, string text, string? replyToMessageId, CancellationToken cancellationToken)
    {
        var sent = new List<DiscordSentMessage>();
        foreach (var chunk in DiscordMessageSplitter.Split(text))
        {
            if (string.IsNullOrWhiteSpace(chunk))
            {
                continue;
            }
            sent.Add(await Rest.CreateMessageAsync(channelId, chunk, sent.Count == 0 ? replyToMessageId : null, nonce: null, cancellationToken));
        }
        return sent;
    }

    /// <summary>Shows the typing indicator (lasts ~10 s or until the bot's next message).</summary>
    public Task TriggerTypingAsync(string channelId, CancellationToken cancellationToken) => Rest.TriggerTypingAsync(channelId, cancellationToken);
}
