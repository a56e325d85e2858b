using MoltBot.Sessions;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Storage;

public sealed class SqliteDatabaseTests
{
    [Fact]
    public void EveryConnection_IsWalWithNormalSync_NotJustTheFirst()
    {
        using var state = new TempDirectory();
        var database = new SqliteDatabase(state.Combine("moltbot.db"));

        // Several at once, so the pool hands out fresh connections, not the one the constructor used.
        using var first = database.Open();
        using var second = database.Open();
        using var third = database.Open();

        Assert.All([first, second, third], connection =>
        {
            Assert.Equal("wal", Scalar(connection, "PRAGMA journal_mode;"));
            Assert.Equal("1", Scalar(connection, "PRAGMA synchronous;")); // NORMAL: no fsync per commit
        });
    }

    [Fact]
    public void APooledConnection_KeepsItsSettings_AndANewOneAfterThePoolIsClearedGetsThemToo()
    {
        using var state = new TempDirectory();
        var database = new SqliteDatabase(state.Combine("moltbot.db"));
        using (var warm = database.Open())
        {
            Assert.Equal("1", Scalar(warm, "PRAGMA foreign_keys;"));
        }

        using (var reused = database.Open())
        {
            Assert.Equal("1", Scalar(reused, "PRAGMA synchronous;"));
            Assert.Equal("1", Scalar(reused, "PRAGMA foreign_keys;"));
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        using var fresh = database.Open();

        Assert.Equal("1", Scalar(fresh, "PRAGMA synchronous;"));
        Assert.Equal("1", Scalar(fresh, "PRAGMA foreign_keys;"));
        Assert.Equal("5000", Scalar(fresh, "PRAGMA busy_timeout;"));
    }

    [Theory]
    [InlineData("UPDATE messages SET compacted = 1 WHERE session_id = 'x' AND compacted = 0 AND (id <= 5 OR kind = 'summary');", "messages_live")]
    [InlineData("SELECT id FROM messages WHERE session_id = 'x' AND source = 'telegram:1';", "messages_by_source")]
    [InlineData(SessionStore.LiveQuery, "messages_live")]
    public void PerMessageQueries_UseAnIndex_NotAScan(string sql, string index)
    {
        using var state = new TempDirectory();
        var database = new SqliteDatabase(state.Combine("moltbot.db"));
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        using var reader = command.ExecuteReader();
        var plan = new List<string>();
        while (reader.Read())
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains($"USING INDEX {index}", StringComparison.Ordinal) || step.Contains($"USING COVERING INDEX {index}", StringComparison.Ordinal));
    }

    private static string Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
