using MoltBot.Cli;
using MoltBot.Tests.Configuration;

namespace MoltBot.Tests.Cli;

public sealed class ConfigValidateCommandTests
{
    [Fact]
    public void Run_ValidFile_SaysOk()
    {
        using var state = new TempState("{ gateway: { port: 1 } }");
        var output = new StringWriter();

        Assert.Equal(0, ConfigValidateCommand.Run(state.Environment, output, new StringWriter()));
        Assert.Equal($"Config OK: {state.ConfigPath}", output.ToString().TrimEnd());
    }

    [Fact]
    public void Run_NoFile_SaysDefaults()
    {
        using var state = new TempState();
        var output = new StringWriter();

        Assert.Equal(0, ConfigValidateCommand.Run(state.Environment, output, new StringWriter()));
        Assert.Equal($"Config OK: no config file at {state.ConfigPath}; using defaults and environment", output.ToString().TrimEnd());
    }

    [Fact]
    public void Run_Problems_OneLinePerIssueWithLocationAndFix()
    {
        using var state = new TempState("{\n  gateway: { prot: 1 },\n  agent: {},\n}", ("MOLTBOT_GATEWAY_PORT", "x"));
        var error = new StringWriter();

        Assert.Equal(1, ConfigValidateCommand.Run(state.Environment, new StringWriter(), error));
        var lines = error.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal($"Config invalid: 3 problems ({state.ConfigPath})", lines[0]);
        Assert.StartsWith($"  {state.ConfigPath}:2: gateway.prot: Unknown key 'prot'. Did you mean 'gateway.port'? Fix: Rename it to 'gateway.port'.", lines[1], StringComparison.Ordinal);
        Assert.StartsWith($"  {state.ConfigPath}:3: agent: ", lines[2], StringComparison.Ordinal);
        Assert.StartsWith("  environment/flags: gateway.port: Environment variable MOLTBOT_GATEWAY_PORT='x'", lines[3], StringComparison.Ordinal);
    }
}
