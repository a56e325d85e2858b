using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
using MoltBot.Security.Redaction;
using MoltBot.Storage;

namespace MoltBot.Security.Audit;

/// <summary>
/// The gateway's audit log: <see cref="Record"/> only stamps the event and puts it in a bounded queue, so callers (the
/// auth middleware, channels, tools) never wait for the disk; one background writer drains the queue in batches, one
/// transaction each. When the queue is full the event is dropped and counted (a warning is logged once), because
/// slowing or failing the request would let an attacker turn the audit log against the service. Stopping flushes.
/// </summary>
internal sealed partial class SqliteAuditLog : IAuditLog, IHostedService, IAsyncDisposable, IDisposable
{
    public const int DefaultCapacity = 10_000;
    private const int MaxBatch = 500;

    private readonly SqliteDatabase _database;
    private readonly ISecretRedactor _redactor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly Channel<PendingAuditEvent> _queue;
    private readonly Lock _gate = new();
    private Task? _writer;
    private long _dropped;
    private int _droppedWarned;

    public SqliteAuditLog(SqliteDatabase database, ISecretRedactor redactor, TimeProvider timeProvider, ILogger<SqliteAuditLog> logger, int capacity = DefaultCapacity)
    {
        _database = database;
        _redactor = redactor;
        _timeProvider = timeProvider;
        _logger = logger;
        _capacity = capacity;
        _queue = Channel.CreateBounded<PendingAuditEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // with TryWrite: refuse instead of blocking, so we can count the drop
        });
    }

    /// <summary>Events refused because the queue was full (or the log already stopped).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Record(AuditEvent auditEvent)
    {
        if (_queue.Writer.TryWrite(new PendingAuditEvent(_timeProvider.GetUtcNow(), auditEvent)))
        {
            return;
        }
        Interlocked.Increment(ref _dropped);
        if (Interlocked.Exchange(ref _droppedWarned, 1) == 0)
        {
            LogDropped(_logger, _capacity);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        EnsureWriter();
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting events and waits until every queued one is written.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await EnsureWriter().WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    /// <summary>For a container disposed synchronously: flush what is queued, waiting a bounded time.</summary>
    public void Dispose()
    {
        _queue.Writer.TryComplete();
        EnsureWriter().Wait(TimeSpan.FromSeconds(10));
    }

    private Task EnsureWriter()
    {
        lock (_gate)
        {
            return _writer ??= Task.Run(WriteAllAsync);
        }
    }

    private async Task WriteAllAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<PendingAuditEvent>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }
            try
            {
                AuditLogTable.Append(_database, _redactor, batch);
            }
            catch (Exception ex) when (ex is SqliteException or IOException or InvalidOperationException)
            {
                LogWriteFailed(_logger, batch.Count, ex.GetType().Name, ex.Message);
            }
            batch.Clear();
        }
    }

    [LoggerMessage(EventId = 1, EventName = EventNames.AuditEventsDropped, Level = LogLevel.Warning,
        Message = "audit log queue is full ({Capacity} events waiting); further security events are dropped and counted until it drains")]
    private static partial void LogDropped(ILogger logger, int capacity);

    [LoggerMessage(EventId = 2, EventName = EventNames.AuditWriteFailed, Level = LogLevel.Error,
        Message = "could not write {Count} audit event(s): {Error}: {Message}")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error, string message);
}
