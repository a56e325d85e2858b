using Microsoft.Extensions.Logging;
using MoltBot.Configuration;
using MoltBot.Security.Redaction;

namespace MoltBot.Hosting;

/// <summary>Picks the console log provider from <c>logging.format</c> and the level from <c>logging.level</c>.</summary>
internal static class LogOutput
{
    public static ILoggerProvider CreateProvider(LoggingConfig config, TextWriter output, LogLevel minimumLevel, TimeProvider timeProvider, ISecretRedactor? redactor = null) =>
        config.Format == "json"
            ? new JsonLineLoggerProvider(output, minimumLevel, timeProvider, redactor)
            : new LineLoggerProvider(output, minimumLevel, redactor);

    public static LogLevel LevelOf(LoggingConfig config) => config.Level switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warn" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => LogLevel.Information,
    };
}
