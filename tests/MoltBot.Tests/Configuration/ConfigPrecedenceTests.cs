using MoltBot.Configuration;

namespace MoltBot.Tests.Configuration;

public sealed class ConfigPrecedenceTests
{
    private const string File = "{\n  gateway: { port: 1111, auth: { token: 'from-file' } },\n  agents: { defaults: { model: 'file/model' } },\n}";

    [Fact]
    public void Load_FlagEnvFileDefault_HighestWins()
    {
        using var state = new TempState(File, ("MOLTBOT_GATEWAY_PORT", "2222"), ("MOLTBOT_GATEWAY_TOKEN", "from-env"));

        var loaded = state.Load(new Dictionary<string, string> { ["gateway.port"] = "3333" });

        Assert.Equal(3333, loaded.Config.Gateway.Port);
        Assert.Equal("flag --port", loaded.Sources["gateway.port"].ToString());
        Assert.Equal("from-env", loaded.Config.Gateway.Auth.Token!.Value);
        Assert.Equal("env MOLTBOT_GATEWAY_TOKEN", loaded.Sources["gateway.auth.token"].ToString());
        Assert.Equal("file/model", loaded.Config.Agents.Defaults.Model.Primary);
        Assert.Equal($"file:{state.ConfigPath}:3", loaded.Sources["agents.defaults.model.primary"].ToString());
        Assert.Equal("loopback", loaded.Config.Gateway.Bind);
        Assert.Equal("default", loaded.Sources["gateway.bind"].ToString());
    }

    [Fact]
    public void Load_EnvOverFile_WhenNoFlag()
    {
        using var state = new TempState(File, ("MOLTBOT_GATEWAY_PORT", "2222"));

        var loaded = state.Load();

        Assert.Equal(2222, loaded.Config.Gateway.Port);
        Assert.Equal("env MOLTBOT_GATEWAY_PORT", loaded.Sources["gateway.port"].ToString());
        Assert.Equal($"{state.ConfigPath}:2 (gateway.auth.token)", loaded.Config.Gateway.Auth.Token!.Source);
    }

    [Fact]
    public void Load_FileOverDefault_WhenNoEnv()
    {
        using var state = new TempState(File);

        var loaded = state.Load();

        Assert.Equal(1111, loaded.Config.Gateway.Port);
        Assert.Equal($"file:{state.ConfigPath}:2", loaded.Sources["gateway.port"].ToString());
    }

    [Fact]
    public void Load_ConfiguredModel_BeatsKeyDerivedDefault()
    {
        using var state = new TempState(File, ("OPENROUTER_API_KEY", "k"));

        Assert.Equal("file/model", state.Load().Config.Agents.Defaults.Model.Primary);
    }

    [Fact]
    public void Load_ModelFlag_SetsPrimary()
    {
        using var state = new TempState(File, ("MOLTBOT_MODEL", "env/model"));

        var loaded = state.Load(new Dictionary<string, string> { ["agents.defaults.model"] = "flag/model" });

        Assert.Equal("flag/model", loaded.Config.Agents.Defaults.Model.Primary);
        Assert.Equal("flag --model", loaded.Sources["agents.defaults.model.primary"].ToString());
    }

    [Theory]
    [InlineData("gateway.port", "nope", "expected an integer from 1 to 65535")]
    [InlineData("gateway.bind", "everywhere", "expected a string")]
    [InlineData("gateway.prot", "1", "Did you mean 'gateway.port'?")]
    public void Load_BadFlag_IsAnError(string key, string value, string expected)
    {
        using var state = new TempState();

        var issue = Assert.Single(state.LoadIssues(new Dictionary<string, string> { [key] = value }));

        Assert.Contains(expected, issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EveryLeafHasASource()
    {
        using var state = new TempState(File, ("OPENAI_API_KEY", "k"));

        var loaded = state.Load();

        Assert.All(loaded.Values, leaf => Assert.Equal(leaf.Source, loaded.Sources[leaf.Path]));
        Assert.Contains("agents.list[0].id", loaded.Sources.Keys);
    }
}
