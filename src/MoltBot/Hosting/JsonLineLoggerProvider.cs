using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using MoltBot.Security.Redaction;

namespace MoltBot.Hosting;

/// <summary>
/// One JSON object per line, for log collectors (Azure Container Apps puts each line in <c>Log_s</c>):
/// <c>{"time":…,"level":"info","event":"GatewayStarted","area":"gateway","category":…,"message":…,"Version":…}</c>.
/// <c>event</c> is the <c>[LoggerMessage]</c> EventName (<see cref="EventNames"/>), so alerts can match it as a whole term.
/// The message is the formatted one (from the caller's formatter); the template's values follow as top-level members,
/// strings passed through <see cref="ISecretRedactor"/> when one is given.
/// </summary>
internal sealed class JsonLineLoggerProvider(TextWriter output, LogLevel minimumLevel, TimeProvider timeProvider, ISecretRedactor? redactor = null) : ILoggerProvider
{
    // Relaxed escaping keeps messages readable (no \u0027 for quotes); the output is a log line, never HTML.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly Lock _gate = new();

    internal LogLevel MinimumLevel { get; } = minimumLevel;

    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(this, categoryName, LineLoggerProvider.AreaOf(categoryName));

    public void Dispose()
    {
    }

    internal static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "trace",
        LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "error",
        _ => "critical",
    };

    private void Write(ReadOnlySpan<byte> utf8Line)
    {
        var line = System.Text.Encoding.UTF8.GetString(utf8Line);
        lock (_gate)
        {
            // No Flush per line: the gateway's output is a BackgroundLineWriter, whose Flush waits for the output.
            output.WriteLine(line);
        }
    }

    private string Clean(string text) => redactor?.Redact(text) ?? text;

    private DateTimeOffset Now() => timeProvider.GetUtcNow();

    private sealed class JsonLineLogger(JsonLineLoggerProvider owner, string category, string area) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.MinimumLevel && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel))
            {
                return;
            }
            var buffer = new ArrayBufferWriter<byte>(256);
            using (var json = new Utf8JsonWriter(buffer, WriterOptions))
            {
                json.WriteStartObject();
                json.WriteString("time", owner.Now().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
                json.WriteString("level", LevelName(logLevel));
                if (eventId.Name is { Length: > 0 } name)
                {
                    json.WriteString("event", name);
                }
                if (eventId.Id != 0)
                {
                    json.WriteNumber("eventId", eventId.Id);
                }
                json.WriteString("area", area);
                json.WriteString("category", category);
                json.WriteString("message", owner.Clean(formatter(state, exception)));
                if (state is IReadOnlyList<KeyValuePair<string, object?>> values)
                {
                    WriteValues(json, values);
                }
                if (exception is not null)
                {
                    // Type and message only, as in the text format: stack traces of expected failures are noise.
                    json.WriteStartObject("exception");
                    json.WriteString("type", exception.GetType().FullName);
                    json.WriteString("message", owner.Clean(exception.Message));
                    json.WriteEndObject();
                }
                json.WriteEndObject();
            }
            owner.Write(buffer.WrittenSpan);
        }

        private void WriteValues(Utf8JsonWriter json, IReadOnlyList<KeyValuePair<string, object?>> values)
        {
            for (var i = 0; i < values.Count; i++)
            {
                var (key, value) = values[i];
                if (key == "{OriginalFormat}")
                {
                    continue;
                }
                switch (value)
                {
                    case null:
                        json.WriteNull(key);
                        break;
                    case bool b:
                        json.WriteBoolean(key, b);
                        break;
                    case int or long or short or byte or uint or ushort or sbyte:
                        json.WriteNumber(key, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        break;
                    case ulong u:
                        json.WriteNumber(key, u);
                        break;
                    case double d when double.IsFinite(d):
                        json.WriteNumber(key, d);
                        break;
                    case float f when float.IsFinite(f):
                        json.WriteNumber(key, f);
                        break;
                    case decimal m:
                        json.WriteNumber(key, m);
                        break;
                    case IFormattable formattable:
                        json.WriteString(key, owner.Clean(formattable.ToString(null, CultureInfo.InvariantCulture)));
                        break;
                    default:
                        json.WriteString(key, owner.Clean(value.ToString() ?? ""));
                        break;
                }
            }
        }
    }
}
