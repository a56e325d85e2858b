namespace MoltBot.Channels;

/// <summary>The sending half of a channel adapter. Throwing means "not delivered": the outbox retries with backoff.</summary>
internal interface IChannelSender
{
    string Channel { get; }

    /// <summary>Splits a reply into messages the channel accepts (Discord 2,000 chars, Telegram 4,096), in order.</summary>
    IReadOnlyList<string> Split(string text);

    Task SendAsync(OutboundMessage message, CancellationToken cancellationToken);
}
