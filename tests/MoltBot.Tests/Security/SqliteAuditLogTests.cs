using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;
using MoltBot.Storage;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Security;

public sealed class SqliteAuditLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static SqliteAuditLog NewLog(SqliteDatabase database, TimeProvider time, ILogger<SqliteAuditLog>? logger = null, int capacity = SqliteAuditLog.DefaultCapacity, string[]? secrets = null) =>
        new(database, new KnownSecretsRedactor(secrets ?? []), time, logger ?? new CapturingLogger(), capacity);

    private static List<AuditLogEntry> ReadAll(SqliteDatabase database)
    {
        using var reader = AuditLogReader.TryOpen(database.Path)!;
        return [.. reader.After(0, new AuditLogFilter(), limit: int.MaxValue)];
    }

    [Fact]
    public async Task Stop_FlushesEveryQueuedEvent_InOrder_WithTheRecordTime()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.Combine("moltbot.db"));
        var time = new FakeTimeProvider(Start);
        var log = NewLog(database, time);
        await log.StartAsync(TestContext.Current.CancellationToken);

        for (var i = 0; i < 1200; i++) // more than one batch
        {
            log.Record(new AuditEvent(AuditEventTypes.AuthFailed, Address: "203.0.113.7", Detail: $"attempt {i}"));
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
        await log.StopAsync(TestContext.Current.CancellationToken);

        var rows = ReadAll(database);
        Assert.Equal(1200, rows.Count);
        Assert.Equal("attempt 0", rows[0].Detail);
        Assert.Equal("attempt 1199", rows[^1].Detail);
        Assert.Equal(Start, rows[0].At);
        Assert.Equal(Start.AddMilliseconds(1199), rows[^1].At);
        Assert.Equal(0, log.Dropped);
    }

    [Fact]
    public async Task Stop_WithoutStart_StillWritesWhatWasQueued()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.Combine("moltbot.db"));
        var log = NewLog(database, new FakeTimeProvider(Start));

        log.Record(new AuditEvent(AuditEventTypes.PairingRequested, "telegram:42"));
        await log.DisposeAsync();

        Assert.Equal("telegram:42", Assert.Single(ReadAll(database)).Actor);
    }

    [Fact]
    public async Task FullQueue_DropsAndCounts_WarnsOnce_NeverBlocksTheCaller()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.Combine("moltbot.db"));
        var logger = new CapturingLogger();
        var log = NewLog(database, new FakeTimeProvider(Start), logger, capacity: 3);

        // Not started: nothing drains, so the queue fills deterministically.
        for (var i = 0; i < 10; i++)
        {
            log.Record(new AuditEvent(AuditEventTypes.SenderDenied, Detail: $"#{i}"));
        }
        await log.StopAsync(TestContext.Current.CancellationToken);

        Assert.Equal(7, log.Dropped);
        Assert.Equal(["#0", "#1", "#2"], ReadAll(database).Select(r => r.Detail));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal((LogLevel.Warning, "AuditEventsDropped"), (warning.Level, warning.EventName));
        log.Record(new AuditEvent(AuditEventTypes.SenderDenied)); // after stop: refused, counted, not thrown
        Assert.Equal(8, log.Dropped);
    }

    [Fact]
    public async Task Detail_PassesThroughTheRedactor()
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.Combine("moltbot.db"));
        var log = NewLog(database, new FakeTimeProvider(Start), secrets: ["sk-live-planted-secret"]);

        log.Record(new AuditEvent(AuditEventTypes.ExecCommand, "agent:main", Detail: "curl -H 'Authorization: sk-live-planted-secret' example.org"));
        await log.DisposeAsync();

        var row = Assert.Single(ReadAll(database));
        Assert.Equal("curl -H 'Authorization: [REDACTED]' example.org", row.Detail);
    }

    [Theory]
    [InlineData("UPDATE audit_log SET detail = 'nothing happened'")]
    [InlineData("DELETE FROM audit_log WHERE id = 1")]
    [InlineData("DELETE FROM audit_log")]
    public async Task Rows_CannotBeChangedOrDeleted(string sql)
    {
        using var dir = new TempDirectory();
        var database = new SqliteDatabase(dir.Combine("moltbot.db"));
        var log = NewLog(database, new FakeTimeProvider(Start));
        log.Record(new AuditEvent(AuditEventTypes.AuthFailed, Detail: "bad token"));
        await log.DisposeAsync();

        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        var error = Assert.Throws<SqliteException>(() => command.ExecuteNonQuery());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
        Assert.Equal("bad token", Assert.Single(ReadAll(database)).Detail);
    }

    internal sealed class CapturingLogger : ILogger<SqliteAuditLog>
    {
        public List<(LogLevel Level, string? EventName, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
            {
                Entries.Add((logLevel, eventId.Name, formatter(state, exception)));
            }
        }
    }
}
