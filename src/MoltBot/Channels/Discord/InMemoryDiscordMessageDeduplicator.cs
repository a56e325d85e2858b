namespace MoltBot.Channels.Discord;

/// <summary>The last <c>capacity</c> handled message ids, oldest forgotten first.</summary>
internal sealed class InMemoryDiscordMessageDeduplicator(int capacity) : IDiscordMessageDeduplicator
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public ValueTask<bool> IsHandledAsync(string messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return ValueTask.FromResult(_ids.Contains(messageId));
        }
    }

    public ValueTask MarkHandledAsync(string messageId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_ids.Add(messageId))
            {
                _order.Enqueue(messageId);
                while (_order.Count > Math.Max(1, capacity))
                {
                    _ids.Remove(_order.Dequeue());
                }
            }
        }
        return ValueTask.CompletedTask;
    }
}
