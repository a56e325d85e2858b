using Microsoft.Extensions.Logging;
using MoltBot.Security.Redaction;

namespace MoltBot.Hosting;

/// <summary>
/// Plain <c>[area] message</c> lines, the format users grep for (<c>[gateway] listening on ...</c>).
/// The area is the last namespace segment of the category (<c>MoltBot.Gateway.X</c> → <c>gateway</c>).
/// Every line passes through <see cref="ISecretRedactor"/> when one is given.
/// </summary>
internal sealed class LineLoggerProvider(TextWriter output, LogLevel minimumLevel, ISecretRedactor? redactor = null) : ILoggerProvider
{
    private readonly Lock _gate = new();

    internal LogLevel MinimumLevel { get; } = minimumLevel;

    public ILogger CreateLogger(string categoryName) => new LineLogger(this, AreaOf(categoryName));

    public void Dispose()
    {
    }

    internal static string AreaOf(string category)
    {
        if (!category.StartsWith("MoltBot.", StringComparison.Ordinal))
        {
            return category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) ? "http" : category;
        }
        var parts = category.Split('.');
        return parts.Length >= 3 ? parts[^2].ToLowerInvariant() : parts[^1].ToLowerInvariant();
    }

    private void Write(string line)
    {
        line = redactor?.Redact(line) ?? line;
        lock (_gate)
        {
            // No Flush per line: the gateway's output is a BackgroundLineWriter, whose Flush waits for the output.
            output.WriteLine(line);
        }
    }

    private sealed class LineLogger(LineLoggerProvider owner, string area) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var level = logLevel switch
            {
                LogLevel.Warning => "warn: ",
                LogLevel.Error or LogLevel.Critical => "error: ",
                _ => "",
            };
            var line = $"[{area}] {level}{formatter(state, exception)}";
            if (exception is not null)
            {
                // The message only: stack traces of expected failures (provider down, bad key) are noise for users.
                line += $" ({exception.GetType().Name}: {exception.Message})";
            }
            owner.Write(line);
        }
    }
}
