using System.Collections.Concurrent;
using Microsoft.Extensions.AI;

namespace MoltBot.Sessions;

/// <summary>
/// Decoded transcript entries by row id. A turn sends the whole live history to the model, so without this every turn
/// decoded every earlier message of its session from JSON again: the largest cost a message had in the gateway.
/// Safe because a row's content never changes after insert and ids are never reused (AUTOINCREMENT, no deletes).
/// </summary>
/// <remarks>
/// Bounded: past <see cref="Capacity"/> entries it starts over, which keeps memory flat (a few MB at most) and costs one
/// decode of the hot sessions. Entries are shared, so callers must not mutate the messages they get.
/// </remarks>
internal sealed class DecodedMessageCache
{
    public const int Capacity = 4096;

    private readonly ConcurrentDictionary<long, ChatMessage> _messages = new();
    private int _added; // ConcurrentDictionary.Count takes every lock; an approximate count is enough for a bound

    public bool TryGet(long id, out ChatMessage message) => _messages.TryGetValue(id, out message!);

    public void Add(long id, ChatMessage message)
    {
        if (Interlocked.Increment(ref _added) > Capacity)
        {
            _messages.Clear();
            Interlocked.Exchange(ref _added, 1);
        }
        _messages[id] = message;
    }
}
