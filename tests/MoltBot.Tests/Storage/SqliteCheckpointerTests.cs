using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Storage;

public sealed class SqliteCheckpointerTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly SqliteDatabase _database;

    public SqliteCheckpointerTests() => _database = new SqliteDatabase(_state.Combine("moltbot.db"));

    [Fact]
    public void RequestConnections_LeaveCheckpointsToTheBackground_ExceptAsASafetyNet()
    {
        using var connection = _database.Open();

        Assert.Equal(SqliteDatabase.AutoCheckpointPages, Scalar(connection, "PRAGMA wal_autocheckpoint;"));
    }

    [Fact]
    public void ACommit_IsCheckpointedOnce_AndAnIdleStoreIsLeftAlone()
    {
        using var checkpointer = new SqliteCheckpointer(_database, NullLogger<SqliteCheckpointer>.Instance);
        using var connection = _database.Open();
        checkpointer.CheckpointIfWritten(connection);
        Write();

        Assert.True(checkpointer.CheckpointIfWritten(connection));
        Assert.Equal(0, UncheckpointedFrames());
        Assert.False(checkpointer.CheckpointIfWritten(connection));
    }

    [Fact]
    public async Task Running_ItCheckpointsAfterEnoughWork_AndStopsWithAnEmptyWal()
    {
        using var checkpointer = new SqliteCheckpointer(_database, NullLogger<SqliteCheckpointer>.Instance);
        var checkpointed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        checkpointer.Checkpointed = () => checkpointed.TrySetResult();
        await checkpointer.StartAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < SqliteDatabase.OpensPerCheckpoint; i++)
        {
            Write();
        }
        await checkpointed.Task.WaitAsync(TestContext.Current.CancellationToken);
        Write();
        await checkpointer.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(0, new FileInfo(_database.Path + "-wal").Length);
    }

    private void Write()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO usage_daily(agent_id, day) VALUES ('main', '2026-12-03') ON CONFLICT DO UPDATE SET input_tokens = input_tokens + 1;";
        command.ExecuteNonQuery();
    }

    /// <summary>WAL frames not yet in the database file, read without checkpointing (a NOOP-equivalent: a checkpoint of
    /// a WAL with nothing left to copy reports log = checkpointed).</summary>
    private long UncheckpointedFrames()
    {
        using var connection = _database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return reader.GetInt64(1) - reader.GetInt64(2);
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose() => _state.Dispose();
}
