using MoltBot.Cli;
using MoltBot.Tests.Configuration;

namespace MoltBot.Tests.Cli;

public sealed class ConfigGetCommandTests
{
    [Theory]
    [InlineData("gateway.port", "9000")]
    [InlineData("gateway.bind", "loopback")]
    [InlineData("gateway.auth.token", "\"***\"")]
    [InlineData("agents.list[0].id", "main")]
    public void Run_Key_PrintsEffectiveValue(string key, string expected)
    {
        using var state = new TempState("{ gateway: { port: 9000, auth: { token: 'tok' } } }");
        var output = new StringWriter();

        Assert.Equal(0, ConfigGetCommand.Run(key, showSecrets: false, state.Environment, output, new StringWriter()));
        Assert.Equal(expected, output.ToString().TrimEnd());
    }

    [Fact]
    public void Run_ShowSecrets_PrintsSecret()
    {
        using var state = new TempState(null, ("MOLTBOT_GATEWAY_TOKEN", "tok"));
        var output = new StringWriter();

        ConfigGetCommand.Run("gateway.auth.token", showSecrets: true, state.Environment, output, new StringWriter());

        Assert.Equal("tok", output.ToString().TrimEnd());
    }

    [Fact]
    public void Run_Section_PrintsJson()
    {
        using var state = new TempState(null, ("MOLTBOT_MODEL", "a/b"));
        var output = new StringWriter();

        ConfigGetCommand.Run("agents.defaults.model", showSecrets: false, state.Environment, output, new StringWriter());

        Assert.Equal("{\n  \"primary\": \"a/b\"\n}", output.ToString().TrimEnd().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Run_UnknownKey_SuggestsAndFails()
    {
        using var state = new TempState();
        var error = new StringWriter();

        Assert.Equal(1, ConfigGetCommand.Run("gateway.prot", showSecrets: false, state.Environment, new StringWriter(), error));
        Assert.Contains("Did you mean 'gateway.port'?", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnsetKey_Fails()
    {
        using var state = new TempState();

        Assert.Equal(1, ConfigGetCommand.Run("agents.defaults.workspace", showSecrets: false, state.Environment, new StringWriter(), new StringWriter()));
    }
}
