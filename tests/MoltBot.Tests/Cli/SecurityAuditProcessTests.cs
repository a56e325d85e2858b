using System.Text.Json;
using MoltBot.Tests.Configuration;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Cli;

/// <summary>The real binary (the AOT one in CI): source-generated JSON, SQLite triggers and chmod all work there too.</summary>
[Trait("Category", "Process")]
public sealed class SecurityAuditProcessTests
{
    [Fact]
    public async Task Binary_AuditExitsOne_FixRepairs_ConfigSetShowsInAuditTail()
    {
        using var state = new TempState("{ gateway: { bind: \"lan\" } }");
        var environment = new Dictionary<string, string> { ["MOLTBOT_STATE_DIR"] = state.StateDir };

        var audit = await MoltBotProcess.RunAsync(["security", "audit"], environment);
        var fix = await MoltBotProcess.RunAsync(["security", "audit", "--fix"], environment);
        var set = await MoltBotProcess.RunAsync(["config", "set", "gateway.port", "19001"], environment);
        var tail = await MoltBotProcess.RunAsync(["audit", "tail", "--json", "--type", "config.*"], environment);

        Assert.True(audit.ExitCode == 1, audit.Stdout + audit.Stderr);
        Assert.Contains("gateway.bind.no-token", audit.Stdout, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.Stdout + fix.Stderr);
        Assert.Contains("fixed gateway.bind.no-token", fix.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, set.ExitCode);
        using var line = JsonDocument.Parse(tail.Stdout.Trim());
        Assert.Equal("config.change", line.RootElement.GetProperty("type").GetString());
        Assert.Equal("gateway.port = 19001", line.RootElement.GetProperty("detail").GetString());
    }
}
