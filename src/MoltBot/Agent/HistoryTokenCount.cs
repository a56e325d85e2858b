using Microsoft.Extensions.AI;
using MoltBot.Sessions;

namespace MoltBot.Agent;

/// <summary>
/// The estimated tokens of each session's live history, kept between turns so the compaction check estimates only the
/// messages it has not seen (a turn adds a few; the rest were estimated before).
/// </summary>
/// <remarks>
/// An estimate depends only on its <see cref="ChatMessage"/>, and the live history hands out the same message instances
/// until the history changes (they are never mutated: see <see cref="LiveHistoryCache"/>). So each call walks the history
/// comparing message references with the ones counted last time, and estimates from the first one that differs: an
/// appended, compacted or reloaded history is counted again where it changed, never taken from a stale total.
/// </remarks>
internal sealed class HistoryTokenCount
{
    /// <summary>
    /// Remembered messages hold their <see cref="ChatMessage"/>s alive, so the memory is bounded like
    /// <see cref="LiveHistoryCache"/>: by about as much text as it holds (here in estimated tokens). Past it, it starts over.
    /// </summary>
    public const long MaxTokens = LiveHistoryCache.CapacityChars / TokenEstimator.CharsPerToken;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Counted> _sessions = new(StringComparer.Ordinal);
    private long _tokens;

    /// <summary>The sum of <see cref="TokenEstimator.Estimate(ChatMessage)"/> over <paramref name="history"/>.</summary>
    public int Estimate(string sessionId, IReadOnlyList<StoredMessage> history)
    {
        Counted? previous;
        lock (_gate)
        {
            previous = _sessions.GetValueOrDefault(sessionId);
        }
        var same = 0;
        var total = 0;
        if (previous is not null)
        {
            var limit = Math.Min(previous.Messages.Length, history.Count);
            while (same < limit && ReferenceEquals(previous.Messages[same], history[same].Message))
            {
                total += previous.Tokens[same];
                same++;
            }
            if (same == history.Count && same == previous.Messages.Length)
            {
                return total;
            }
        }

        var messages = new ChatMessage[history.Count];
        var tokens = new int[history.Count];
        if (same > 0)
        {
            Array.Copy(previous!.Messages, messages, same);
            Array.Copy(previous.Tokens, tokens, same);
        }
        for (var i = same; i < messages.Length; i++)
        {
            messages[i] = history[i].Message;
            tokens[i] = TokenEstimator.Estimate(messages[i]);
            total += tokens[i];
        }
        Remember(sessionId, new Counted(messages, tokens, total));
        return total;
    }

    private void Remember(string sessionId, Counted counted)
    {
        lock (_gate)
        {
            if (_sessions.Remove(sessionId, out var old))
            {
                _tokens -= old.Total;
            }
            if (_tokens + counted.Total > MaxTokens)
            {
                _sessions.Clear();
                _tokens = 0;
            }
            if (counted.Total <= MaxTokens)
            {
                _sessions[sessionId] = counted;
                _tokens += counted.Total;
            }
        }
    }

    /// <summary>The messages last counted for a session, each with its estimate, and their sum.</summary>
    private sealed record Counted(ChatMessage[] Messages, int[] Tokens, int Total);
}
