using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MoltBot.Storage;

/// <summary>
/// A connection rented from <see cref="SqliteDatabase.Rent"/> that keeps its statements prepared: <see cref="Command"/>
/// hands back the same <see cref="SqliteCommand"/> for the same SQL text, so SQLite compiles a hot statement once per
/// connection instead of on every call (Microsoft.Data.Sqlite caches nothing across commands, dotnet/efcore#14044).
/// One thread at a time; <see cref="Dispose"/> gives the connection back to the pool.
/// </summary>
internal sealed class SqliteLease : IDisposable
{
    /// <summary>Statements kept prepared per connection. A full cache starts over: the hot SQL is a handful of constants.</summary>
    public const int MaxStatements = 32;

    private readonly SqliteLeasePool _pool;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, SqliteCommand> _statements = new(StringComparer.Ordinal);
    private int _rented;

    internal SqliteLease(SqliteLeasePool pool, SqliteConnection connection)
    {
        _pool = pool;
        _connection = connection;
    }

    /// <summary>The prepared command for <paramref name="sql"/>, with no parameters: add this call's values, run it, do not dispose it.</summary>
    public SqliteCommand Command(string sql)
    {
        if (_statements.TryGetValue(sql, out var command))
        {
            command.Parameters.Clear();
            return command;
        }
        if (_statements.Count >= MaxStatements)
        {
            DisposeStatements();
        }
        command = _connection.CreateCommand();
        command.CommandText = sql;
        _statements.Add(sql, command);
        return command;
    }

    /// <summary>
    /// Starts a write transaction (<c>BEGIN IMMEDIATE</c>, as <see cref="SqliteConnection.BeginTransaction()"/> does) whose
    /// <c>BEGIN</c>/<c>COMMIT</c> are prepared statements too. Rolled back on dispose unless committed.
    /// </summary>
    public SqliteWrite BeginWrite()
    {
        if (!IsAutocommit)
        {
            throw new InvalidOperationException("The connection is already inside a transaction.");
        }
        Command("BEGIN IMMEDIATE;").ExecuteNonQuery();
        return new SqliteWrite(this);
    }

    internal void Commit() => Command("COMMIT;").ExecuteNonQuery();

    internal void RollbackIfOpen()
    {
        // SQLite rolls some failures back by itself (SQLITE_FULL, IOERR, ...): only roll back what is still open.
        if (!IsAutocommit)
        {
            Command("ROLLBACK;").ExecuteNonQuery();
        }
    }

    private bool IsAutocommit => raw.sqlite3_get_autocommit(_connection.Handle) != 0;

    /// <summary>
    /// True when the connection can go back to the pool: no transaction left open and no statement left mid-step (an
    /// undisposed reader would hold a read snapshot, stale for the next renter and pinning the WAL against checkpoints).
    /// </summary>
    internal bool IsClean()
    {
        var db = _connection.Handle;
        if (db is null || raw.sqlite3_get_autocommit(db) == 0)
        {
            return false;
        }
        for (var stmt = raw.sqlite3_next_stmt(db, null); stmt is not null; stmt = raw.sqlite3_next_stmt(db, stmt))
        {
            if (raw.sqlite3_stmt_busy(stmt) != 0)
            {
                return false;
            }
        }
        return true;
    }

    internal void MarkRented() => Volatile.Write(ref _rented, 1);

    /// <summary>Gives the connection back (a second dispose does nothing).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _rented, 0) == 1)
        {
            _pool.Return(this);
        }
    }

    internal void Close()
    {
        DisposeStatements();
        _connection.Dispose();
    }

    private void DisposeStatements()
    {
        foreach (var command in _statements.Values)
        {
            command.Dispose();
        }
        _statements.Clear();
    }
}
