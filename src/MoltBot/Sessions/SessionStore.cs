using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Security.Redaction;
using MoltBot.Storage;

namespace MoltBot.Sessions;

/// <summary>
/// Durable transcripts. A user message is committed before the model sees it; every reply and tool result is
/// committed as it completes, so a crash loses nothing that was accepted.
/// </summary>
/// <remarks>
/// <para>Every stored message passes through the secret redactor first (<see cref="TranscriptRedaction"/>).</para>
/// <para>Statements run on rented connections (<see cref="SqliteDatabase.Rent"/>), so each is compiled once per connection.
/// Session rows are served from <see cref="KnownSessions"/>; every write of a row's key, id, agent or model goes through
/// <see cref="_sessionWrites"/>, which is what keeps that cache exact.</para>
/// </remarks>
internal sealed class SessionStore(SqliteDatabase database, TimeProvider timeProvider, ISecretRedactor? redactor = null)
{
    // M.E.AI's options without their indentation (rows written before were indented; both read the same).
    private static readonly JsonSerializerOptions MessageJson = new(AIJsonUtilities.DefaultOptions) { WriteIndented = false };

    private readonly LiveHistoryCache _live = new();
    private readonly KnownSessions _known = new();
    private readonly Lock _sessionWrites = new();

    /// <summary>The session for <paramref name="key"/>, created on first use.</summary>
    public SessionInfo GetOrCreate(string key, string agentId)
    {
        if (_known.TryGet(key) is { } known)
        {
            return known;
        }
        lock (_sessionWrites)
        {
            if (_known.TryGet(key) is { } loaded)
            {
                return loaded;
            }
            using var lease = database.Rent();
            var session = Find(lease, key) ?? Create(lease, key, agentId);
            _known.Set(session);
            return session;
        }
    }

    private SessionInfo Create(SqliteLease lease, string key, string agentId)
    {
        var now = timeProvider.GetUtcNow();
        var insert = lease.Command("""
            INSERT INTO sessions(key, session_id, agent_id, created_at, updated_at) VALUES ($key, $id, $agent, $now, $now)
            ON CONFLICT(key) DO NOTHING;
            """);
        insert.Parameters.AddWithValue("$key", key);
        insert.Parameters.AddWithValue("$id", NewSessionId());
        insert.Parameters.AddWithValue("$agent", agentId);
        insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
        return Find(lease, key)!;
    }

    public SessionInfo? Find(string key)
    {
        if (_known.TryGet(key) is { } known)
        {
            return known;
        }
        using var lease = database.Rent();
        return Find(lease, key);
    }

    /// <summary>Starts a fresh transcript for the key (<c>/new</c>, <c>/reset</c>); the old one stays on disk.</summary>
    public SessionInfo Reset(string key, string agentId)
    {
        lock (_sessionWrites)
        {
            GetOrCreate(key, agentId);
            return UpdateSession(key, "UPDATE sessions SET session_id = $value, updated_at = $now WHERE key = $key;", NewSessionId())!;
        }
    }

    public void SetModelOverride(string key, string? modelRef)
    {
        lock (_sessionWrites)
        {
            UpdateSession(key, "UPDATE sessions SET model_override = $value, updated_at = $now WHERE key = $key;", modelRef);
        }
    }

    /// <summary>Runs one update of a session row and refreshes its cached copy. Call under <see cref="_sessionWrites"/>.</summary>
    private SessionInfo? UpdateSession(string key, string sql, string? value)
    {
        // Forgotten first: should anything below fail, the next lookup reads the row instead of trusting a stale copy.
        _known.Forget(key);
        using var lease = database.Rent();
        var update = lease.Command(sql);
        update.Parameters.AddWithValue("$value", (object?)value ?? DBNull.Value);
        update.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        update.Parameters.AddWithValue("$key", key);
        update.ExecuteNonQuery();
        var session = Find(lease, key);
        if (session is not null)
        {
            _known.Set(session);
        }
        return session;
    }

    /// <summary>Commits one transcript entry and returns its id.</summary>
    /// <param name="source">
    /// The inbound message this entry came from (e.g. <c>discord:123</c>). An entry from the same source already in the
    /// session (a re-run after a crash, a client retrying) is not stored again: its id is returned. The check shares the
    /// write's transaction, so it costs no transaction of its own and two deliveries of one message cannot both store it.
    /// </param>
    /// <param name="completes">An accepted user message this entry answers: marked done in the same commit.</param>
    /// <param name="alongside">Another store's write that commits with this entry (the model call's usage), one commit instead of two.</param>
    public long Append(
        string sessionId, ChatMessage message, string kind = StoredMessage.MessageKind, bool pending = false, int tokens = 0,
        string? source = null, long? completes = null, Action<SqliteLease>? alongside = null)
    {
        var redacted = Redacted(message);
        var content = Serialize(redacted);
        // Exactly what a read from the database would give, made before the commit, so nothing after the commit can fail
        // and leave the cache behind the database.
        var decoded = Decoded(redacted, content);
        var now = timeProvider.GetUtcNow();
        using var lease = database.Rent();
        // One commit for the entry and the answered mark: commits are most of what a write costs.
        using var tx = lease.BeginWrite();
        if (source is not null && FindBySource(lease, sessionId, source) is { } stored)
        {
            return stored; // nothing written; the transaction rolls back empty
        }
        var insert = lease.Command("""
            INSERT INTO messages(session_id, kind, role, content, status, tokens, created_at, source)
            VALUES ($session, $kind, $role, $content, $status, $tokens, $now, $source) RETURNING id;
            """);
        insert.Parameters.AddWithValue("$source", (object?)source ?? DBNull.Value);
        insert.Parameters.AddWithValue("$session", sessionId);
        insert.Parameters.AddWithValue("$kind", kind);
        insert.Parameters.AddWithValue("$role", message.Role.Value);
        insert.Parameters.AddWithValue("$content", content);
        insert.Parameters.AddWithValue("$status", pending ? "pending" : "done");
        insert.Parameters.AddWithValue("$tokens", tokens);
        insert.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        var id = (long)insert.ExecuteScalar()!;
        if (completes is { } answered)
        {
            MarkDone(lease, answered);
        }
        alongside?.Invoke(lease);
        tx.Commit();

        if (completes is { } done)
        {
            _live.Completed(sessionId, done);
        }
        if (kind == StoredMessage.MessageKind)
        {
            _live.Appended(sessionId, new StoredMessage(id, kind, decoded, pending, false, tokens, now), content.Length);
        }
        else
        {
            _live.Invalidate(sessionId);
        }
        return id;
    }

    private ChatMessage Redacted(ChatMessage message) => redactor is null ? message : TranscriptRedaction.Redact(message, redactor);

    private static string Serialize(ChatMessage message) => JsonSerializer.Serialize(message, MessageJson.GetTypeInfo(typeof(ChatMessage)));

    /// <summary>
    /// The message as reading <paramref name="content"/> (the stored form of <paramref name="stored"/>) back gives it. Plain
    /// text, most entries, is copied field by field, which gives the same message as decoding without parsing the JSON
    /// again; anything else is decoded from the JSON.
    /// </summary>
    internal static ChatMessage Decoded(ChatMessage stored, string content) =>
        stored is { AdditionalProperties: null, Contents: [TextContent { AdditionalProperties: null, Annotations: null } text] }
            ? new ChatMessage(stored.Role, [new TextContent(text.Text)])
            {
                AuthorName = stored.AuthorName, MessageId = stored.MessageId, CreatedAt = stored.CreatedAt,
            }
            : Deserialize(content);

    private static ChatMessage Deserialize(string content) =>
        (ChatMessage)JsonSerializer.Deserialize(content, MessageJson.GetTypeInfo(typeof(ChatMessage)))!;

    /// <summary>The entry stored from <paramref name="source"/> in this session, if any.</summary>
    public long? FindBySource(string sessionId, string source)
    {
        using var lease = database.Rent();
        return FindBySource(lease, sessionId, source);
    }

    private static long? FindBySource(SqliteLease lease, string sessionId, string source)
    {
        var select = lease.Command("SELECT id FROM messages WHERE session_id = $session AND source = $source;");
        select.Parameters.AddWithValue("$session", sessionId);
        select.Parameters.AddWithValue("$source", source);
        return select.ExecuteScalar() as long?;
    }

    /// <summary>Marks an accepted user message as answered.</summary>
    /// <param name="alongside">Another store's write that commits with the mark (see <see cref="Append"/>).</param>
    public void Complete(string sessionId, long messageId, Action<SqliteLease>? alongside = null)
    {
        using (var lease = database.Rent())
        {
            using var tx = lease.BeginWrite();
            MarkDone(lease, messageId);
            alongside?.Invoke(lease);
            tx.Commit();
        }
        _live.Completed(sessionId, messageId);
    }

    private static void MarkDone(SqliteLease lease, long messageId)
    {
        var update = lease.Command("UPDATE messages SET status = 'done' WHERE id = $id;");
        update.Parameters.AddWithValue("$id", messageId);
        update.ExecuteNonQuery();
    }

    /// <summary>
    /// Stores <paramref name="summary"/> and marks every live entry up to <paramref name="throughId"/> as compacted,
    /// in one transaction: the transcript keeps everything, the model's view gets shorter.
    /// </summary>
    public void Compact(string sessionId, long throughId, ChatMessage summary)
    {
        using var lease = database.Rent();
        using var tx = lease.BeginWrite();
        // Earlier summaries are folded into the new one (the compactor summarises them along with the turns).
        var mark = lease.Command("UPDATE messages SET compacted = 1 WHERE session_id = $session AND compacted = 0 AND (id <= $through OR kind = 'summary');");
        mark.Parameters.AddWithValue("$session", sessionId);
        mark.Parameters.AddWithValue("$through", throughId);
        mark.ExecuteNonQuery();
        var insert = lease.Command("""
            INSERT INTO messages(session_id, kind, role, content, created_at) VALUES ($session, 'summary', $role, $content, $now);
            """);
        insert.Parameters.AddWithValue("$session", sessionId);
        insert.Parameters.AddWithValue("$role", summary.Role.Value);
        insert.Parameters.AddWithValue("$content", Serialize(Redacted(summary)));
        insert.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
        tx.Commit();
        _live.Invalidate(sessionId);
    }

    /// <summary>What the model sees: the latest summary (if any) followed by every entry not yet compacted.</summary>
    /// <remarks>Served from <see cref="LiveHistoryCache"/> for hot sessions; the returned list must not be mutated.</remarks>
    public IReadOnlyList<StoredMessage> LiveHistory(string sessionId)
    {
        if (_live.TryGet(sessionId) is { } cached)
        {
            return cached;
        }
        var ticket = _live.BeginLoad(sessionId);
        StoredMessage[]? entries = null;
        long chars = 0;
        try
        {
            (entries, chars) = Query(LiveQuery, sessionId);
            return entries;
        }
        finally
        {
            if (ticket is not null)
            {
                _live.EndLoad(ticket, entries, chars);
            }
        }
    }

    /// <summary>The full transcript, compacted entries included.</summary>
    public IReadOnlyList<StoredMessage> Transcript(string sessionId) => Query(TranscriptQuery, sessionId).Entries;

    private const string SelectEntries = "SELECT id, kind, content, status, compacted, tokens, created_at FROM messages WHERE session_id = $session";

    /// <summary>The summary first, then the live entries: both from the live index.</summary>
    internal const string LiveQuery = SelectEntries + " AND compacted = 0 ORDER BY kind = 'message', id;";

    /// <summary>Entries are indexed in two parts, live and compacted (migration 8); SQLite merges the two in id order.</summary>
    internal const string TranscriptQuery = SelectEntries + " AND compacted = 0 UNION ALL " + SelectEntries + " AND compacted = 1 ORDER BY id;";

    private (StoredMessage[] Entries, long Chars) Query(string sql, string sessionId)
    {
        using var lease = database.Rent();
        var select = lease.Command(sql);
        select.Parameters.AddWithValue("$session", sessionId);
        using var reader = select.ExecuteReader();
        var result = new List<StoredMessage>();
        long chars = 0;
        while (reader.Read())
        {
            var content = reader.GetString(2);
            chars += content.Length;
            result.Add(new StoredMessage(
                reader.GetInt64(0), reader.GetString(1), Deserialize(content), reader.GetString(3) == "pending", reader.GetInt64(4) != 0,
                reader.GetInt32(5), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6))));
        }
        return ([.. result], chars);
    }

    private static SessionInfo? Find(SqliteLease lease, string key)
    {
        var select = lease.Command("SELECT session_id, agent_id, model_override, created_at, updated_at FROM sessions WHERE key = $key;");
        select.Parameters.AddWithValue("$key", key);
        using var reader = select.ExecuteReader();
        return reader.Read()
            ? new SessionInfo(key, reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4)))
            : null;
    }

    private static string NewSessionId() => Guid.CreateVersion7().ToString("n", CultureInfo.InvariantCulture);
}
