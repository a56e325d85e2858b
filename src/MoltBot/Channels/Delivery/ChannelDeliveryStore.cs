using Microsoft.Data.Sqlite;
using MoltBot.Storage;

namespace MoltBot.Channels.Delivery;

/// <summary>
/// The inbox (each inbound message accepted exactly once, keyed by channel + the channel's message id) and the
/// outbox (replies kept until the channel confirms them). A turn's completion moves both in one transaction.
/// </summary>
internal sealed class ChannelDeliveryStore(SqliteDatabase database, TimeProvider timeProvider)
{
    public const string Accepted = "accepted";
    public const string Answered = "answered";
    public const string Denied = "denied";

    public bool Contains(string channel, string messageId)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT 1 FROM channel_inbox WHERE channel = $channel AND message_id = $id;";
        select.Parameters.AddWithValue("$channel", channel);
        select.Parameters.AddWithValue("$id", messageId);
        return select.ExecuteScalar() is not null;
    }

    /// <summary>Records the message; false when this channel already delivered this message id (a replay or duplicate).</summary>
    public bool TryRecord(InboundMessage message, string status, string? sessionKey)
    {
        using var connection = database.Open();
        using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO channel_inbox(channel, message_id, sender_id, chat_id, session_key, text, status, received_at)
            VALUES ($channel, $id, $sender, $chat, $session, $text, $status, $now) ON CONFLICT DO NOTHING;
            """;
        insert.Parameters.AddWithValue("$channel", message.Channel);
        insert.Parameters.AddWithValue("$id", message.MessageId);
        insert.Parameters.AddWithValue("$sender", message.SenderId);
        insert.Parameters.AddWithValue("$chat", message.ChatId);
        insert.Parameters.AddWithValue("$session", (object?)sessionKey ?? DBNull.Value);
        insert.Parameters.AddWithValue("$text", message.Text);
        insert.Parameters.AddWithValue("$status", status);
        insert.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        return insert.ExecuteNonQuery() == 1;
    }

    public IReadOnlyList<PendingTurn> PendingTurns()
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT channel, message_id, sender_id, chat_id, text, session_key FROM channel_inbox WHERE status = 'accepted' ORDER BY received_at, rowid;";
        using var reader = select.ExecuteReader();
        var result = new List<PendingTurn>();
        while (reader.Read())
        {
            result.Add(new PendingTurn(
                new InboundMessage(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), IsDirect: true, reader.GetString(4)),
                reader.GetString(5)));
        }
        return result;
    }

    /// <summary>Marks the turn answered and queues its reply messages, atomically: a crash leaves either both or neither.</summary>
    public void CompleteTurn(InboundMessage message, IReadOnlyList<string> replyParts)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        using (var update = connection.CreateCommand())
        {
            update.Transaction = tx;
            update.CommandText = "UPDATE channel_inbox SET status = 'answered' WHERE channel = $channel AND message_id = $id;";
            update.Parameters.AddWithValue("$channel", message.Channel);
            update.Parameters.AddWithValue("$id", message.MessageId);
            update.ExecuteNonQuery();
        }
        Enqueue(connection, tx, message.Channel, message.ChatId, message.MessageId, replyParts);
        tx.Commit();
    }

    /// <summary>Queues messages that answer no turn (e.g. a pairing code).</summary>
    public void Enqueue(string channel, string chatId, string? replyTo, IReadOnlyList<string> parts)
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        Enqueue(connection, tx, channel, chatId, replyTo, parts);
        tx.Commit();
    }

    public IReadOnlyList<OutboundMessage> DueOutbox(int limit = 32)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = """
            SELECT id, channel, chat_id, reply_to, text, attempts FROM channel_outbox
            WHERE status = 'pending' AND next_attempt_at <= $now ORDER BY id LIMIT $limit;
            """;
        select.Parameters.AddWithValue("$now", timeProvider.GetUtcNow().ToUnixTimeMilliseconds());
        select.Parameters.AddWithValue("$limit", limit);
        using var reader = select.ExecuteReader();
        var result = new List<OutboundMessage>();
        while (reader.Read())
        {
            result.Add(new OutboundMessage(reader.GetInt64(0), reader.GetString(1), reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), reader.GetInt32(5)));
        }
        return result;
    }

    /// <summary>When the next pending message is due, or null when the outbox is empty.</summary>
    public DateTimeOffset? NextDue()
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT MIN(next_attempt_at) FROM channel_outbox WHERE status = 'pending';";
        return select.ExecuteScalar() is long due ? DateTimeOffset.FromUnixTimeMilliseconds(due) : null;
    }

    public void MarkSent(long id) => SetStatus(id, "sent", null, null);

    public void MarkRetry(long id, DateTimeOffset nextAttempt, string error) => SetStatus(id, "pending", nextAttempt, error);

    public void MarkFailed(long id, string error) => SetStatus(id, "failed", null, error);

    private void SetStatus(long id, string status, DateTimeOffset? nextAttempt, string? error)
    {
        using var connection = database.Open();
        using var update = connection.CreateCommand();
        update.CommandText = """
            UPDATE channel_outbox SET status = $status, attempts = attempts + ($status <> 'sent'),
                next_attempt_at = COALESCE($next, next_attempt_at), last_error = $error WHERE id = $id;
            """;
        update.Parameters.AddWithValue("$status", status);
        update.Parameters.AddWithValue("$next", nextAttempt is { } n ? n.ToUnixTimeMilliseconds() : DBNull.Value);
        update.Parameters.AddWithValue("$error", (object?)error ?? DBNull.Value);
        update.Parameters.AddWithValue("$id", id);
        update.ExecuteNonQuery();
    }

    private void Enqueue(SqliteConnection connection, SqliteTransaction tx, string channel, string chatId, string? replyTo, IReadOnlyList<string> parts)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var part in parts)
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO channel_outbox(channel, chat_id, reply_to, text, next_attempt_at, created_at)
                VALUES ($channel, $chat, $replyTo, $text, $now, $now);
                """;
            insert.Parameters.AddWithValue("$channel", channel);
            insert.Parameters.AddWithValue("$chat", chatId);
            insert.Parameters.AddWithValue("$replyTo", (object?)replyTo ?? DBNull.Value);
            insert.Parameters.AddWithValue("$text", part);
            insert.Parameters.AddWithValue("$now", now);
            insert.ExecuteNonQuery();
        }
    }
}
