using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MoltBot.Storage;

/// <summary>
/// The embedded store: one SQLite file in WAL mode under the state folder. Each feature keeps its own
/// small store with hand-written SQL; schema changes are numbered migrations tracked in <c>user_version</c>.
/// </summary>
/// <remarks>
/// Two ways in: <see cref="Rent"/> for the per-message statements (a connection of our own that keeps them prepared) and
/// <see cref="Open"/> for everything else (a Microsoft.Data.Sqlite pooled connection, statements compiled per call).
/// </remarks>
internal sealed class SqliteDatabase : IDisposable
{
    private static readonly object Configured = new();

    private readonly string _connectionString;
    private readonly string _leaseConnectionString;
    private readonly SqliteLeasePool _leases;
    private TaskCompletionSource _checkpointDue = NewSignal();
    private long _opens;

    // Keyed weakly by the native handle, so a connection the pool closes takes its entry with it.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public SqliteDatabase(string path)
    {
        Path = path;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        // Not pooled by Microsoft.Data.Sqlite: SqliteLeasePool keeps these open itself, prepared statements and all.
        _leaseConnectionString = new SqliteConnectionStringBuilder(_connectionString) { Pooling = false }.ToString();
        _leases = new SqliteLeasePool(OpenForLease);
        StateFiles.EnsurePrivateFile(path);
        using var connection = Open();
        // WAL survives a killed process without losing committed rows. It is a property of the file, set once.
        Execute(connection, "PRAGMA journal_mode=WAL;");
        Migrate(connection);
    }

    /// <summary>WAL pages after which a commit checkpoints by itself (SQLite's default is 1,000): ~40 MB.</summary>
    public const int AutoCheckpointPages = 10_000;

    /// <summary>Connection opens and rents between background checkpoints: about every 50 agent turns.</summary>
    public const int OpensPerCheckpoint = 200;

    public string Path { get; }

    /// <summary>Completes once <see cref="OpensPerCheckpoint"/> more connections were opened or rented (<see cref="SqliteCheckpointer"/> waits on it).</summary>
    public Task WaitForCheckpointDueAsync(CancellationToken cancellationToken) => Volatile.Read(ref _checkpointDue).Task.WaitAsync(cancellationToken);

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A connection that keeps its statements prepared (<see cref="SqliteLease.Command"/>), for the statements every
    /// message runs. Dispose the lease to give it back; use it from one thread at a time.
    /// </summary>
    public SqliteLease Rent()
    {
        CountUnitOfWork();
        return _leases.Rent();
    }

    /// <summary>Idle rented connections kept open now (at most <see cref="SqliteLeasePool.MaxIdle"/>).</summary>
    internal int IdleConnections => _leases.IdleCount;

    public SqliteConnection Open()
    {
        CountUnitOfWork();
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // Pooled opens reuse a native connection, which keeps its settings: configure each native connection once, not on
        // every open (three statements parsed and run per store call were a visible share of a message's SQLite time).
        if (!_configured.TryGetValue(connection.Handle!, out _))
        {
            Configure(connection);
            _configured.TryAdd(connection.Handle!, Configured);
        }
        return connection;
    }

    /// <summary>Closes the idle rented connections; leases still out are closed when given back.</summary>
    public void Dispose() => _leases.Dispose();

    private void CountUnitOfWork()
    {
        // Nearly every open or rent is a unit of work that commits, so they are a cheap clock for "time to checkpoint".
        if (Interlocked.Increment(ref _opens) % OpensPerCheckpoint == 0)
        {
            Interlocked.Exchange(ref _checkpointDue, NewSignal()).TrySetResult();
        }
    }

    private SqliteConnection OpenForLease()
    {
        var connection = new SqliteConnection(_leaseConnectionString);
        try
        {
            connection.Open();
            // Lets SqliteLease.IsClean walk the connection's statements (SQLitePCLRaw tracks them only when asked; these
            // connections prepare rarely, so the tracking costs nothing per message).
            connection.Handle!.enable_sqlite3_next_stmt(true);
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Per connection, not per file: NORMAL (no fsync per commit in WAL mode; only the last commits are at risk on power
    // loss, never on a killed process). Left at the default FULL, every commit fsynced the WAL: ~13 ms a message.
    // The WAL threshold is a safety net only: in the gateway, SqliteCheckpointer checkpoints off the request path.
    private static void Configure(SqliteConnection connection) =>
        Execute(connection, $"PRAGMA busy_timeout=5000; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA wal_autocheckpoint={AutoCheckpointPages};");

    private static void Migrate(SqliteConnection connection)
    {
        using var read = connection.CreateCommand();
        read.CommandText = "PRAGMA user_version;";
        var version = Convert.ToInt32(read.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        for (var i = version; i < Migrations.All.Count; i++)
        {
            using var tx = connection.BeginTransaction();
            Execute(connection, Migrations.All[i], tx);
            Execute(connection, $"PRAGMA user_version = {i + 1};", tx);
            tx.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? tx = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
