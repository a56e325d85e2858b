using Microsoft.Data.Sqlite;

namespace MoltBot.Storage;

/// <summary>
/// The open connections behind <see cref="SqliteDatabase.Rent"/>. Idle ones are kept (at most <see cref="MaxIdle"/>, the
/// most recently used first, so the warm ones with their prepared statements get the work); a connection that comes back
/// inside a transaction or with a statement mid-step is closed, never handed out again.
/// </summary>
internal sealed class SqliteLeasePool(Func<SqliteConnection> open) : IDisposable
{
    /// <summary>
    /// Idle connections kept open; more at once are opened as needed and closed when given back. Store calls are short and
    /// synchronous, so about as many are out at once as threads are running them (plus writers waiting on the write lock).
    /// </summary>
    public const int MaxIdle = 8;

    private readonly Stack<SqliteLease> _idle = new(MaxIdle);
    private bool _disposed;

    public SqliteLease Rent()
    {
        SqliteLease? lease;
        lock (_idle)
        {
            _idle.TryPop(out lease);
        }
        lease ??= new SqliteLease(this, open());
        lease.MarkRented();
        return lease;
    }

    /// <summary>Idle connections now (for tests).</summary>
    internal int IdleCount
    {
        get
        {
            lock (_idle)
            {
                return _idle.Count;
            }
        }
    }

    internal void Return(SqliteLease lease)
    {
        if (lease.IsClean())
        {
            lock (_idle)
            {
                if (!_disposed && _idle.Count < MaxIdle)
                {
                    _idle.Push(lease);
                    return;
                }
            }
        }
        lease.Close();
    }

    public void Dispose()
    {
        SqliteLease[] idle;
        lock (_idle)
        {
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }
        foreach (var lease in idle)
        {
            lease.Close();
        }
    }
}
