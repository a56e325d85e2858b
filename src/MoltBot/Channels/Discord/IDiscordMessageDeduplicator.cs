namespace MoltBot.Channels.Discord;

/// <summary>
/// Remembers handled message ids so a dispatch replayed after RESUME (or delivered twice by Discord) reaches the
/// handler once. The client checks <see cref="IsHandledAsync"/> before the handler and calls
/// <see cref="MarkHandledAsync"/> only after it returned, so a failed handler does not swallow a later replay.
/// The default is a bounded in-memory window; a durable implementation can span restarts.
/// </summary>
internal interface IDiscordMessageDeduplicator
{
    ValueTask<bool> IsHandledAsync(string messageId, CancellationToken cancellationToken);

    ValueTask MarkHandledAsync(string messageId, CancellationToken cancellationToken);
}
