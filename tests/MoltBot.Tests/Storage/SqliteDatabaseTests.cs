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

    private static string Scalar(Microsoft.Data.Sqlite.SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture)!;
    }
}
