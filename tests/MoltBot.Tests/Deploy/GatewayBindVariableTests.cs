using MoltBot.Tests.Configuration;

namespace MoltBot.Tests.Deploy;

/// <summary>
/// <c>MOLTBOT_GATEWAY_BIND</c> exists so a container can listen on all interfaces from the environment alone (no config
/// file, no entrypoint script). It follows the same precedence as every other variable: flag, environment, file, default.
/// </summary>
public sealed class GatewayBindVariableTests
{
    private const string File = "{ gateway: { bind: '127.0.0.1' } }";

    [Fact]
    public void Load_BindVariable_SetsGatewayBind()
    {
        using var state = new TempState(null, ("MOLTBOT_GATEWAY_BIND", "lan"));

        var loaded = state.Load();

        Assert.Equal("lan", loaded.Config.Gateway.Bind);
        Assert.Equal("env MOLTBOT_GATEWAY_BIND", loaded.Sources["gateway.bind"].ToString());
    }

    [Fact]
    public void Load_BindVariable_BeatsFile()
    {
        using var state = new TempState(File, ("MOLTBOT_GATEWAY_BIND", "lan"));

        Assert.Equal("lan", state.Load().Config.Gateway.Bind);
    }

    [Fact]
    public void Load_BindFlag_BeatsVariable()
    {
        using var state = new TempState(File, ("MOLTBOT_GATEWAY_BIND", "lan"));

        var loaded = state.Load(new Dictionary<string, string> { ["gateway.bind"] = "loopback" });

        Assert.Equal("loopback", loaded.Config.Gateway.Bind);
        Assert.Equal("flag --bind", loaded.Sources["gateway.bind"].ToString());
    }

    [Fact]
    public void Load_BindVariableEmpty_CountsAsUnset()
    {
        using var state = new TempState(File, ("MOLTBOT_GATEWAY_BIND", ""));

        var loaded = state.Load();

        Assert.Equal("127.0.0.1", loaded.Config.Gateway.Bind);
        Assert.Equal($"file:{state.ConfigPath}:1", loaded.Sources["gateway.bind"].ToString());
    }

    [Theory]
    [InlineData("everywhere")]
    [InlineData("0.0.0.0.0")]
    public void Load_BadBindVariable_ErrorNamesVariableAndFix(string value)
    {
        using var state = new TempState(null, ("MOLTBOT_GATEWAY_BIND", value));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("gateway.bind", issue.Key);
        Assert.Contains($"MOLTBOT_GATEWAY_BIND='{value}'", issue.Message, StringComparison.Ordinal);
        Assert.Contains("lan", issue.Fix, StringComparison.Ordinal);
    }
}
