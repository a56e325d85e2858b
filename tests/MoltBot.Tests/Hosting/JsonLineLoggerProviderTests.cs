using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Hosting;
using MoltBot.Security.Redaction;

namespace MoltBot.Tests.Hosting;

public sealed partial class JsonLineLoggerProviderTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero));

    [Fact]
    public void Log_WritesOneJsonObjectPerLine_WithEventLevelTimeAndValues()
    {
        using var output = new StringWriter();
        using var provider = new JsonLineLoggerProvider(output, LogLevel.Information, _time);
        var logger = provider.CreateLogger("MoltBot.Gateway.Host");

        LogStarted(logger, "1.2.3", 4242, "crash");
        logger.LogDebug("hidden");

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("2026-03-04T05:06:07.890Z", root.GetProperty("time").GetString());
        Assert.Equal("info", root.GetProperty("level").GetString());
        Assert.Equal(EventNames.GatewayStarted, root.GetProperty("event").GetString());
        Assert.Equal("gateway", root.GetProperty("area").GetString());
        Assert.Equal("MoltBot.Gateway.Host", root.GetProperty("category").GetString());
        Assert.Equal("gateway started (version 1.2.3, pid 4242; previous run: crash)", root.GetProperty("message").GetString());
        Assert.Equal("1.2.3", root.GetProperty("Version").GetString());
        Assert.Equal(4242, root.GetProperty("Pid").GetInt32());
        Assert.Equal("crash", root.GetProperty("PreviousExit").GetString());
        Assert.False(root.TryGetProperty("{OriginalFormat}", out _));
    }

    [Fact]
    public void Log_Exception_WritesTypeAndMessageWithoutStackTrace()
    {
        using var output = new StringWriter();
        using var provider = new JsonLineLoggerProvider(output, LogLevel.Information, _time);

        provider.CreateLogger("MoltBot.Agent.AgentRunner").LogWarning(new EventId(2, EventNames.ToolFailed), new InvalidOperationException("boom \"quoted\"\nnext"), "tool {Tool} failed", "clock");

        using var json = JsonDocument.Parse(output.ToString().TrimEnd());
        var exception = json.RootElement.GetProperty("exception");
        Assert.Equal("System.InvalidOperationException", exception.GetProperty("type").GetString());
        Assert.Equal("boom \"quoted\"\nnext", exception.GetProperty("message").GetString());
        Assert.Equal("warn", json.RootElement.GetProperty("level").GetString());
        Assert.Equal("clock", json.RootElement.GetProperty("Tool").GetString());
        Assert.DoesNotContain("   at ", output.ToString(), StringComparison.Ordinal);
        Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)); // the newline in the message is escaped
    }

    [Fact]
    public void Log_WithARedactor_MasksSecretsInValuesMessageAndException()
    {
        const string Secret = "fake-redaction-test-secret-0000";
        using var output = new StringWriter();
        using var provider = new JsonLineLoggerProvider(output, LogLevel.Information, _time, new KnownSecretsRedactor([Secret]));

        provider.CreateLogger("MoltBot.Providers.ModelRouter").LogError(new InvalidOperationException("bad key " + Secret), "provider said {Error}", "key " + Secret + " rejected");

        Assert.DoesNotContain(Secret, output.ToString(), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(output.ToString().TrimEnd());
        Assert.Contains(ISecretRedactor.Mask, json.RootElement.GetProperty("Error").GetString(), StringComparison.Ordinal);
    }

    [LoggerMessage(EventId = 6, EventName = EventNames.GatewayStarted, Level = LogLevel.Information,
        Message = "gateway started (version {Version}, pid {Pid}; previous run: {PreviousExit})")]
    private static partial void LogStarted(ILogger logger, string version, int pid, string previousExit);
}
