using Microsoft.Extensions.Logging;
using MoltBot.Hosting;

namespace MoltBot.Tests.Hosting;

public sealed class LineLoggerProviderTests
{
    [Theory]
    [InlineData("MoltBot.Gateway.GatewayApp", "gateway")]
    [InlineData("MoltBot.Gateway.Host", "gateway")]
    [InlineData("MoltBot.Agent.AgentRunner", "agent")]
    [InlineData("Microsoft.AspNetCore.Hosting.Diagnostics", "http")]
    public void AreaOf_UsesTheFeatureFolder(string category, string area) => Assert.Equal(area, LineLoggerProvider.AreaOf(category));

    [Fact]
    public void Log_WritesAreaLevelAndMessage_WithoutStackTrace()
    {
        using var output = new StringWriter();
        using var provider = new LineLoggerProvider(output, LogLevel.Information);
        var logger = provider.CreateLogger("MoltBot.Agent.AgentRunner");

        logger.LogDebug("hidden");
        logger.LogWarning(new InvalidOperationException("boom"), "tool failed");

        Assert.Equal("[agent] warn: tool failed (InvalidOperationException: boom)" + Environment.NewLine, output.ToString());
    }
}
