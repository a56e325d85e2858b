using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;

namespace MoltBot.Storage;

/// <summary>
/// Copies committed WAL frames into the database file in the background, so no request pays for it. Left to SQLite, the
/// commit that crosses the WAL threshold runs the checkpoint itself, fsyncs included: ~6 ms on one message in every few
/// hundred, which was the gateway's p99. Request connections keep a far higher threshold only as a safety net
/// (<see cref="SqliteDatabase.AutoCheckpointPages"/>).
/// </summary>
/// <remarks>Woken every <see cref="SqliteDatabase.OpensPerCheckpoint"/> connection opens, not by a timer, so an idle gateway
/// never wakes for it; it checkpoints PASSIVE (never blocks readers or writers) and only when something was committed
/// (<c>PRAGMA data_version</c>). On shutdown it truncates the WAL.</remarks>
internal sealed partial class SqliteCheckpointer(SqliteDatabase database, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    private long _seenVersion = -1;

    /// <summary>Called after each checkpoint this service runs (tests wait on it).</summary>
    internal Action? Checkpointed { get; set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            // Its own connection, for the loop's lifetime: data_version counts the commits of every other connection.
            using var connection = database.Open();
            while (!stoppingToken.IsCancellationRequested)
            {
                await database.WaitForCheckpointDueAsync(stoppingToken);
                try
                {
                    CheckpointIfWritten(connection);
                }
                catch (SqliteException ex)
                {
                    LogFailed(logger, ex.Message); // e.g. the disk is full: the commits' own safety-net checkpoint still applies
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex) // an optimisation: whatever stops it, commits fall back to SQLite's own checkpoints, the gateway runs on
        {
            LogFailed(logger, ex.Message);
        }
    }

    /// <summary>Checkpoints when another connection committed since the last look; true when it did.</summary>
    internal bool CheckpointIfWritten(SqliteConnection connection)
    {
        var version = Scalar(connection, "PRAGMA data_version;");
        if (version == _seenVersion)
        {
            return false;
        }
        _seenVersion = version;
        Scalar(connection, "PRAGMA wal_checkpoint(PASSIVE);");
        Checkpointed?.Invoke();
        return true;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A clean stop leaves an empty WAL: smaller state to back up or copy, and nothing to replay at the next start.
            using var connection = database.Open();
            Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE);");
        }
        catch (SqliteException ex)
        {
            LogFailed(logger, ex.Message);
        }
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.StoreCheckpointFailed, Level = LogLevel.Warning, Message = "WAL checkpoint failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string reason);
}
