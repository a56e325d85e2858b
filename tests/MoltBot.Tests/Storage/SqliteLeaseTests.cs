using Microsoft.Data.Sqlite;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Storage;

public sealed class SqliteLeaseTests : IDisposable
{
    private const string Insert = "INSERT INTO usage_daily(agent_id, day, input_tokens) VALUES ($agent, $day, $tokens);";
    private const string Select = "SELECT input_tokens FROM usage_daily WHERE agent_id = $agent AND day = $day;";

    private readonly TempDirectory _state = new();
    private readonly SqliteDatabase _database;

    public SqliteLeaseTests() => _database = new SqliteDatabase(_state.Combine("moltbot.db"));

    [Fact]
    public void TheSameSql_RunsTheSamePreparedCommand_WithEachCallsValues()
    {
        SqliteCommand first;
        using (var lease = _database.Rent())
        {
            first = lease.Command(Insert);
            Bind(first, "main", 1).ExecuteNonQuery();
            Bind(lease.Command(Insert), "other", 2).ExecuteNonQuery();
        }
        using (var lease = _database.Rent())
        {
            var again = lease.Command(Select);
            Assert.Equal(1L, Bind(again, "main").ExecuteScalar());
            Assert.Equal(2L, Bind(lease.Command(Select), "other").ExecuteScalar());
            Assert.Null(Bind(lease.Command(Select), "nobody").ExecuteScalar());
            Assert.Same(first, lease.Command(Insert));
            Assert.Empty(lease.Command(Insert).Parameters);
        }
    }

    [Fact]
    public void AFailedStatement_InsideAWrite_IsRolledBack_AndTheConnectionComesBackUsableAndOutsideATransaction()
    {
        var rented = _database.Rent();
        using (rented)
        {
            using var tx = rented.BeginWrite();
            Bind(rented.Command(Insert), "main", 1).ExecuteNonQuery();
            // The same key again: a primary-key violation.
            Assert.Throws<SqliteException>(() => Bind(rented.Command(Insert), "main", 2).ExecuteNonQuery());
        }

        using var lease = _database.Rent();
        Assert.Same(rented, lease);
        Assert.Null(Bind(lease.Command(Select), "main").ExecuteScalar()); // the first insert was rolled back
        using (var tx = lease.BeginWrite()) // throws if a transaction were still open
        {
            Bind(lease.Command(Insert), "main", 3).ExecuteNonQuery();
            tx.Commit();
        }
        Assert.Equal(3L, ReadFromAnotherConnection("main"));
    }

    [Fact]
    public void AFailedStatement_OutsideATransaction_LeavesItsCachedCommandRunnable()
    {
        using (var lease = _database.Rent())
        {
            Bind(lease.Command(Insert), "main", 1).ExecuteNonQuery();
            Assert.Throws<SqliteException>(() => Bind(lease.Command(Insert), "main", 2).ExecuteNonQuery());
            Bind(lease.Command(Insert), "other", 5).ExecuteNonQuery();
        }

        Assert.Equal(5L, ReadFromAnotherConnection("other"));
        using var again = _database.Rent();
        Bind(again.Command(Insert), "third", 7).ExecuteNonQuery();
        Assert.Equal(7L, ReadFromAnotherConnection("third"));
    }

    [Fact]
    public void AConnectionGivenBackWithAnOpenTransaction_IsClosed_AndItsWritesAreLost()
    {
        var leaked = _database.Rent();
        _ = leaked.BeginWrite(); // never committed nor disposed
        Bind(leaked.Command(Insert), "main", 1).ExecuteNonQuery();
        leaked.Dispose();

        Assert.Equal(0, _database.IdleConnections);
        using var lease = _database.Rent();
        Assert.NotSame(leaked, lease);
        Assert.Null(ReadFromAnotherConnection("main"));
    }

    [Fact]
    public void AConnectionGivenBackWithAReaderMidResult_IsClosed_NotHandedOutAgain()
    {
        using (var lease = _database.Rent())
        {
            Bind(lease.Command(Insert), "a", 1).ExecuteNonQuery();
            Bind(lease.Command(Insert), "b", 2).ExecuteNonQuery();
        }
        var leaked = _database.Rent();
        var reader = leaked.Command("SELECT agent_id FROM usage_daily;").ExecuteReader();
        Assert.True(reader.Read()); // a row left unread: the statement is still mid-step
        leaked.Dispose();

        Assert.Equal(0, _database.IdleConnections);
        using var next = _database.Rent();
        Assert.NotSame(leaked, next);
        Assert.Equal(1L, Bind(next.Command(Select), "a").ExecuteScalar());
    }

    [Fact]
    public void DisposingTwice_GivesTheConnectionBackOnce()
    {
        var lease = _database.Rent();
        lease.Dispose();
        lease.Dispose();

        using var first = _database.Rent();
        using var second = _database.Rent();
        Assert.NotSame(first, second);
    }

    [Fact]
    public void ManyThreads_EachGetTheirOwnConnection_AndAtMostMaxIdleAreKept()
    {
        var threads = Environment.ProcessorCount * 4;
        Parallel.For(0, threads * 25, new ParallelOptions { MaxDegreeOfParallelism = threads }, i =>
        {
            using var lease = _database.Rent();
            using var tx = lease.BeginWrite();
            var upsert = lease.Command(
                "INSERT INTO usage_daily(agent_id, day, input_tokens) VALUES ($agent, $day, 1) ON CONFLICT DO UPDATE SET input_tokens = input_tokens + 1;");
            upsert.Parameters.AddWithValue("$agent", "agent" + (i % 3));
            upsert.Parameters.AddWithValue("$day", "2026-12-03");
            upsert.ExecuteNonQuery();
            tx.Commit();
        });

        Assert.Equal(threads * 25, Enumerable.Range(0, 3).Sum(i => ReadFromAnotherConnection("agent" + i) ?? 0));
        Assert.InRange(_database.IdleConnections, 1, SqliteLeasePool.MaxIdle);
    }

    [Fact]
    public void MoreStatementsThanTheCacheHolds_StillRun()
    {
        using var lease = _database.Rent();
        for (var i = 0; i < SqliteLease.MaxStatements * 2; i++)
        {
            Assert.Equal((long)i, lease.Command($"SELECT {i};").ExecuteScalar());
        }
        Assert.Equal(1L, lease.Command("SELECT 1;").ExecuteScalar());
    }

    [Fact]
    public async Task Rents_CountTowardsTheNextCheckpoint()
    {
        var due = _database.WaitForCheckpointDueAsync(TestContext.Current.CancellationToken);
        for (var i = 0; i < SqliteDatabase.OpensPerCheckpoint; i++)
        {
            _database.Rent().Dispose();
        }

        await due.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);
    }

    public void Dispose()
    {
        _database.Dispose();
        _state.Dispose();
    }

    private static SqliteCommand Bind(SqliteCommand command, string agent, long? tokens = null)
    {
        command.Parameters.AddWithValue("$agent", agent);
        command.Parameters.AddWithValue("$day", "2026-12-03");
        if (tokens is { } value)
        {
            command.Parameters.AddWithValue("$tokens", value);
        }
        return command;
    }

    private long? ReadFromAnotherConnection(string agent)
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = Select;
        return (long?)Bind(command, agent).ExecuteScalar();
    }
}
