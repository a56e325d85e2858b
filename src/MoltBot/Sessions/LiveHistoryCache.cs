namespace MoltBot.Sessions;

/// <summary>
/// Each hot session's live history, kept in step with the writes <see cref="SessionStore"/> makes. Every turn sends the
/// whole live history to the model; reading it back from SQLite (a sorted scan plus a JSON decode per entry) was the
/// part of a message's cost that grew with the conversation.
/// </summary>
/// <remarks>
/// <para>Correct because this process is the only writer of the transcript, and every write goes through
/// <see cref="SessionStore"/>, which reports it here after it commits. A load that raced with a write to the same
/// session is not kept (<see cref="BeginLoad"/>), so the cache never holds a history older than the database.</para>
/// <para>Bounded by the stored JSON size of what it holds (<see cref="CapacityChars"/>); past it, it starts over, which
/// costs one read of each hot session. Snapshots are immutable arrays shared with callers: callers must not mutate the
/// messages in them.</para>
/// </remarks>
internal sealed class LiveHistoryCache
{
    /// <summary>About 8 MB of transcript JSON: a few thousand typical entries, or a handful of sessions full of tool output.</summary>
    public const long CapacityChars = 4_000_000;

    private const int EntryOverheadChars = 64;

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LoadTicket> _loading = new(StringComparer.Ordinal);
    private long _chars;

    /// <summary>The cached live history of a session, or null when it has to be read from the database.</summary>
    public StoredMessage[]? TryGet(string sessionId)
    {
        lock (_gate)
        {
            return _sessions.TryGetValue(sessionId, out var session) ? session.Entries : null;
        }
    }

    /// <summary>
    /// Call before reading a session from the database; pass the ticket to <see cref="EndLoad"/> with what was read.
    /// Null when another load of the same session is already under way (that one will fill the cache).
    /// </summary>
    public LoadTicket? BeginLoad(string sessionId)
    {
        lock (_gate)
        {
            if (_loading.ContainsKey(sessionId))
            {
                return null;
            }
            var ticket = new LoadTicket(sessionId);
            _loading.Add(sessionId, ticket);
            return ticket;
        }
    }

    /// <summary>
    /// Keeps what a load read, unless the session was written while it read (then the next read loads again).
    /// <paramref name="entries"/> is null when the load failed.
    /// </summary>
    public void EndLoad(LoadTicket ticket, StoredMessage[]? entries, long chars)
    {
        lock (_gate)
        {
            _loading.Remove(ticket.SessionId);
            if (entries is not null && !ticket.Stale)
            {
                Store(ticket.SessionId, new Session(entries, chars + (entries.Length * EntryOverheadChars)));
            }
        }
    }

    /// <summary>A committed entry of the kind the live history ends with (a message, not a summary).</summary>
    public void Appended(string sessionId, StoredMessage entry, int chars)
    {
        lock (_gate)
        {
            MarkLoadsStale(sessionId);
            if (_sessions.Remove(sessionId, out var session))
            {
                _chars -= session.Chars;
                Store(sessionId, new Session([.. session.Entries, entry], session.Chars + chars + EntryOverheadChars));
            }
        }
    }

    /// <summary>A committed status change: the accepted user message <paramref name="id"/> has been answered.</summary>
    public void Completed(string sessionId, long id)
    {
        lock (_gate)
        {
            MarkLoadsStale(sessionId);
            // From the end: the entry answered is the turn's own user message, a few entries back.
            if (_sessions.TryGetValue(sessionId, out var session) && Array.FindLastIndex(session.Entries, e => e.Id == id) is var index and >= 0)
            {
                var entries = (StoredMessage[])session.Entries.Clone();
                entries[index] = entries[index] with { Pending = false };
                _sessions[sessionId] = session with { Entries = entries };
            }
        }
    }

    /// <summary>Any other committed change (a compaction): the next read loads the session again.</summary>
    public void Invalidate(string sessionId)
    {
        lock (_gate)
        {
            MarkLoadsStale(sessionId);
            if (_sessions.Remove(sessionId, out var session))
            {
                _chars -= session.Chars;
            }
        }
    }

    private void Store(string sessionId, Session session)
    {
        if (_chars + session.Chars > CapacityChars)
        {
            _sessions.Clear();
            _chars = 0;
        }
        if (session.Chars <= CapacityChars)
        {
            _sessions[sessionId] = session;
            _chars += session.Chars;
        }
    }

    private void MarkLoadsStale(string sessionId)
    {
        if (_loading.TryGetValue(sessionId, out var ticket))
        {
            ticket.Stale = true;
        }
    }

    private sealed record Session(StoredMessage[] Entries, long Chars);

    /// <summary>One load in progress; <see cref="Stale"/> once the session is written before the load ends.</summary>
    public sealed class LoadTicket(string sessionId)
    {
        public string SessionId { get; } = sessionId;

        public bool Stale { get; set; }
    }
}
