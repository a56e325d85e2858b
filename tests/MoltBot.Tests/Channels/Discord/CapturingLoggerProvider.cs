using Microsoft.Extensions.Logging;
using MoltBot.TestSupport.Discord;

namespace MoltBot.Tests.Channels.Discord;

/// <summary>Records every log entry (event name, rendered message) and lets tests await an event by name.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly Lock _gate = new();
    private readonly List<(string? EventName, LogLevel Level, string Message)> _entries = [];
    private readonly Dictionary<string, FakeSignal> _signals = [];

    public IReadOnlyList<(string? EventName, LogLevel Level, string Message)> Entries
    {
        get
        {
            lock (_gate)
            {
                return [.. _entries];
            }
        }
    }

    public Task WaitForEventAsync(string eventName, int count, CancellationToken ct) => Signal(eventName).WaitAsync(count, ct);

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this);

    public void Dispose()
    {
    }

    private FakeSignal Signal(string eventName)
    {
        lock (_gate)
        {
            if (!_signals.TryGetValue(eventName, out var signal))
            {
                signal = new FakeSignal();
                _signals[eventName] = signal;
            }
            return signal;
        }
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._gate)
            {
                owner._entries.Add((eventId.Name, logLevel, formatter(state, exception)));
            }
            if (eventId.Name is { } name)
            {
                owner.Signal(name).Increment();
            }
        }
    }
}
