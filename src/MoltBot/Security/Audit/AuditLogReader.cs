using Microsoft.Data.Sqlite;

namespace MoltBot.Security.Audit;

/// <summary>
/// Reads <c>audit_log</c> straight from the database file with a read-only connection, so it works whether or not the
/// gateway runs and can never change the log. WAL lets it read while the gateway writes.
/// </summary>
internal sealed class AuditLogReader : IDisposable
{
    private const string Columns = "id, at, type, actor, address, detail";
    private readonly SqliteConnection _connection;

    private AuditLogReader(SqliteConnection connection) => _connection = connection;

    /// <summary>Null when the database file does not exist (nothing has run yet); never creates it.</summary>
    public static AuditLogReader? TryOpen(string databasePath)
    {
        if (!File.Exists(databasePath))
        {
            return null;
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = databasePath,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var timeout = connection.CreateCommand();
        timeout.CommandText = "PRAGMA busy_timeout=5000;";
        timeout.ExecuteNonQuery();
        return new AuditLogReader(connection);
    }

    /// <summary>False for a database from before the audit log existed (the gateway adds the table on its next start).</summary>
    public bool HasLog()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_log';";
        return command.ExecuteScalar() is not null;
    }

    /// <summary>The last <paramref name="count"/> matching events, oldest first.</summary>
    public IReadOnlyList<AuditLogEntry> Last(AuditLogFilter filter, int count)
    {
        var rows = Query(filter, $"SELECT {Columns} FROM audit_log WHERE {Where} ORDER BY id DESC LIMIT $limit;", afterId: 0, count);
        rows.Reverse();
        return rows;
    }

    /// <summary>Matching events newer than <paramref name="afterId"/>, oldest first (at most <paramref name="limit"/>).</summary>
    public IReadOnlyList<AuditLogEntry> After(long afterId, AuditLogFilter filter, int limit = 1000) =>
        Query(filter, $"SELECT {Columns} FROM audit_log WHERE {Where} ORDER BY id LIMIT $limit;", afterId, limit);

    /// <summary>The newest id, whatever its type (0 when empty), so <c>--follow</c> starts after what was shown.</summary>
    public long LastId()
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(id), 0) FROM audit_log;";
        return (long)command.ExecuteScalar()!;
    }

    public void Dispose() => _connection.Dispose();

    private const string Where = """
        id > $after
        AND ($type IS NULL OR type = $type)
        AND ($prefix IS NULL OR substr(type, 1, length($prefix)) = $prefix)
        AND ($since IS NULL OR at >= $since)
        """;

    private List<AuditLogEntry> Query(AuditLogFilter filter, string sql, long afterId, int limit)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$after", afterId);
        command.Parameters.AddWithValue("$type", filter.TypePrefix is null ? (object?)filter.Type ?? DBNull.Value : DBNull.Value);
        command.Parameters.AddWithValue("$prefix", (object?)filter.TypePrefix ?? DBNull.Value);
        command.Parameters.AddWithValue("$since", filter.Since is { } since ? (object)since.ToUnixTimeMilliseconds() : DBNull.Value);
        command.Parameters.AddWithValue("$limit", limit);
        using var reader = command.ExecuteReader();
        var rows = new List<AuditLogEntry>();
        while (reader.Read())
        {
            rows.Add(new AuditLogEntry(
                reader.GetInt64(0),
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(1)),
                reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                reader.IsDBNull(4) ? null : reader.GetString(4),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }
        return rows;
    }
}
