using Microsoft.Data.Sqlite;
using MoltBot.Storage;

namespace MoltBot.Channels.Pairing;

/// <summary>
/// Pending pairing codes and approved senders, durable in the store so the CLI (another process) can approve
/// while the gateway runs. Codes expire after an hour; at most three are pending per channel.
/// </summary>
internal sealed class PairingStore(SqliteDatabase database, TimeProvider timeProvider)
{
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromHours(1);
    public const int MaxPendingPerChannel = 3;

    public bool IsApproved(string channel, string senderId)
    {
        using var connection = database.Open();
        using var select = connection.CreateCommand();
        select.CommandText = "SELECT 1 FROM approved_senders WHERE channel = $channel AND sender_id = $sender;";
        select.Parameters.AddWithValue("$channel", channel);
        select.Parameters.AddWithValue("$sender", senderId);
        return select.ExecuteScalar() is not null;
    }

    /// <summary>
    /// The sender's pending request (the same code again while it is valid), a new one, or null when the channel
    /// already has <see cref="MaxPendingPerChannel"/> pending codes.
    /// </summary>
    public (PairingRequest Request, bool IsNew)? Request(string channel, string senderId)
    {
        var now = timeProvider.GetUtcNow();
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        DeleteExpired(connection, tx, now);
        var pending = Pending(connection, tx, channel);
        if (pending.FirstOrDefault(p => p.SenderId == senderId) is { } existing)
        {
            return (existing, false);
        }
        if (pending.Count >= MaxPendingPerChannel)
        {
            return null;
        }
        var request = new PairingRequest(channel, senderId, PairingCode.New(), now, now + CodeLifetime);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO pairing_requests(channel, sender_id, code, created_at, expires_at) VALUES ($channel, $sender, $code, $created, $expires);";
        insert.Parameters.AddWithValue("$channel", channel);
        insert.Parameters.AddWithValue("$sender", senderId);
        insert.Parameters.AddWithValue("$code", request.Code);
        insert.Parameters.AddWithValue("$created", now.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$expires", request.ExpiresAt.ToUnixTimeMilliseconds());
        insert.ExecuteNonQuery();
        tx.Commit();
        return (request, true);
    }

    /// <summary>Approves the sender holding <paramref name="code"/> on <paramref name="channel"/>; null when no valid code matches.</summary>
    public PairingRequest? Approve(string channel, string code)
    {
        var now = timeProvider.GetUtcNow();
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        DeleteExpired(connection, tx, now);
        var match = Pending(connection, tx, channel).FirstOrDefault(p => p.Code == PairingCode.Normalize(code));
        if (match is null)
        {
            return null;
        }
        using var approve = connection.CreateCommand();
        approve.Transaction = tx;
        approve.CommandText = """
            INSERT INTO approved_senders(channel, sender_id, approved_at) VALUES ($channel, $sender, $now) ON CONFLICT DO NOTHING;
            DELETE FROM pairing_requests WHERE channel = $channel AND sender_id = $sender;
            """;
        approve.Parameters.AddWithValue("$channel", channel);
        approve.Parameters.AddWithValue("$sender", match.SenderId);
        approve.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        approve.ExecuteNonQuery();
        tx.Commit();
        return match;
    }

    /// <summary>Every pending, unexpired request, oldest first.</summary>
    public IReadOnlyList<PairingRequest> ListPending()
    {
        using var connection = database.Open();
        using var tx = connection.BeginTransaction();
        DeleteExpired(connection, tx, timeProvider.GetUtcNow());
        var result = Pending(connection, tx, channel: null);
        tx.Commit();
        return result;
    }

    private static List<PairingRequest> Pending(SqliteConnection connection, SqliteTransaction tx, string? channel)
    {
        using var select = connection.CreateCommand();
        select.Transaction = tx;
        select.CommandText = "SELECT channel, sender_id, code, created_at, expires_at FROM pairing_requests WHERE $channel IS NULL OR channel = $channel ORDER BY created_at;";
        select.Parameters.AddWithValue("$channel", (object?)channel ?? DBNull.Value);
        using var reader = select.ExecuteReader();
        var result = new List<PairingRequest>();
        while (reader.Read())
        {
            result.Add(new PairingRequest(reader.GetString(0), reader.GetString(1), reader.GetString(2),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(3)), DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(4))));
        }
        return result;
    }

    private static void DeleteExpired(SqliteConnection connection, SqliteTransaction tx, DateTimeOffset now)
    {
        using var delete = connection.CreateCommand();
        delete.Transaction = tx;
        delete.CommandText = "DELETE FROM pairing_requests WHERE expires_at <= $now;";
        delete.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        delete.ExecuteNonQuery();
    }
}
