using MoltBot.Configuration;

namespace MoltBot.Tests.Configuration;

public sealed class ConfigEnvironmentTests
{
    [Fact]
    public void Load_NoFileNoEnvironment_UsesDefaults()
    {
        using var state = new TempState();

        var loaded = state.Load();

        Assert.False(loaded.FileExists);
        Assert.Equal(18789, loaded.Config.Gateway.Port);
        Assert.Equal("loopback", loaded.Config.Gateway.Bind);
        Assert.Null(loaded.Config.Gateway.Auth.Token);
        Assert.Null(loaded.Config.Agents.Defaults.Model.Primary);
        Assert.Empty(loaded.Config.Models.Providers);
        var agent = Assert.Single(loaded.Config.Agents.List);
        Assert.Equal(("main", true), (agent.Id, agent.Default));
        Assert.Equal("default", loaded.Sources["gateway.port"].ToString());
    }

    [Theory]
    [InlineData("OPENROUTER_API_KEY", "openrouter", "openrouter/anthropic/claude-3.5-sonnet")]
    [InlineData("OPENAI_API_KEY", "openai", "openai/gpt-4o-mini")]
    [InlineData("ANTHROPIC_API_KEY", "anthropic", "anthropic/claude-3-5-sonnet-latest")]
    public void Load_OnlyApiKeyInEnvironment_AddsProviderAndDefaultModel(string variable, string provider, string model)
    {
        using var state = new TempState(null, (variable, "sk-test"));

        var loaded = state.Load();

        var p = Assert.Single(loaded.Config.Models.Providers);
        Assert.Equal(provider, p.Key);
        Assert.Equal(new SecretValue("sk-test", $"env {variable}"), p.Value.ApiKey);
        Assert.Null(p.Value.BaseUrl);
        Assert.Null(p.Value.Api);
        Assert.Equal(model, loaded.Config.Agents.Defaults.Model.Primary);
        Assert.Equal($"default ({variable} is set)", loaded.Sources["agents.defaults.model.primary"].ToString());
        Assert.Equal($"env {variable}", loaded.Sources[$"models.providers.{provider}.apiKey"].ToString());
    }

    [Fact]
    public void Load_SeveralApiKeys_DefaultModelFollowsOrder()
    {
        using var state = new TempState(null, ("OPENAI_API_KEY", "a"), ("ANTHROPIC_API_KEY", "b"), ("OPENROUTER_API_KEY", "c"));

        Assert.Equal("openrouter/anthropic/claude-3.5-sonnet", state.Load().Config.Agents.Defaults.Model.Primary);
    }

    [Fact]
    public void Load_AnthropicBeforeOpenAi_WhenNoOpenRouter()
    {
        using var state = new TempState(null, ("OPENAI_API_KEY", "a"), ("ANTHROPIC_API_KEY", "b"));

        Assert.Equal("anthropic/claude-3-5-sonnet-latest", state.Load().Config.Agents.Defaults.Model.Primary);
    }

    [Fact]
    public void Load_AzureVariables_FillProviderAndModel()
    {
        using var state = new TempState(null,
            ("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com"), ("AZURE_OPENAI_API_KEY", "az"),
            ("AZURE_OPENAI_API_VERSION", "2024-10-21"), ("AZURE_OPENAI_DEPLOYMENT", "gpt4o"));

        var loaded = state.Load();

        var azure = loaded.Config.Models.Providers["azure-openai"];
        Assert.Equal("https://r.openai.azure.com", azure.BaseUrl);
        Assert.Equal(new SecretValue("az", "env AZURE_OPENAI_API_KEY"), azure.ApiKey);
        Assert.Equal("2024-10-21", azure.ApiVersion);
        Assert.Equal("azure-openai/gpt4o", loaded.Config.Agents.Defaults.Model.Primary);
    }

    [Fact]
    public void Load_AzureWithoutKey_IsManagedIdentity()
    {
        using var state = new TempState(null, ("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com"), ("AZURE_OPENAI_DEPLOYMENT", "d"));

        var azure = state.Load().Config.Models.Providers["azure-openai"];

        Assert.Null(azure.ApiKey);
        Assert.Equal("https://r.openai.azure.com", azure.BaseUrl);
    }

    [Fact]
    public void Load_MoltBotVariables_SetGatewayModelAndPersona()
    {
        using var state = new TempState(null,
            ("MOLTBOT_MODEL", "openai/gpt-4o"), ("MOLTBOT_PERSONA_NAME", "Molty"),
            ("MOLTBOT_GATEWAY_TOKEN", "gw"), ("MOLTBOT_GATEWAY_PORT", "9000"), ("OPENAI_API_KEY", "k"));

        var loaded = state.Load();

        var c = loaded.Config;
        Assert.Equal("openai/gpt-4o", c.Agents.Defaults.Model.Primary);
        Assert.Equal("env MOLTBOT_MODEL", loaded.Sources["agents.defaults.model.primary"].ToString());
        Assert.Equal("Molty", Assert.Single(c.Agents.List).Identity.Name);
        Assert.Equal("env MOLTBOT_PERSONA_NAME", loaded.Sources["agents.list[0].identity.name"].ToString());
        Assert.Equal(new SecretValue("gw", "env MOLTBOT_GATEWAY_TOKEN"), c.Gateway.Auth.Token);
        Assert.Equal(9000, c.Gateway.Port);
    }

    [Fact]
    public void Load_PersonaName_GoesToTheConfiguredDefaultAgent()
    {
        using var state = new TempState("{ agents: { list: [{ id: 'a' }, { id: 'b', default: true }] } }", ("MOLTBOT_PERSONA_NAME", "Molty"));

        var list = state.Load().Config.Agents.List;

        Assert.Null(list[0].Identity.Name);
        Assert.Equal("Molty", list[1].Identity.Name);
    }

    [Fact]
    public void Load_NoAgentMarkedDefault_FirstAgentIsDefault()
    {
        using var state = new TempState("{ agents: { list: [{ id: 'a' }, { id: 'b' }] } }");

        var loaded = state.Load();

        Assert.Equal([true, false], loaded.Config.Agents.List.Select(a => a.Default));
        Assert.Equal("default (first agent)", loaded.Sources["agents.list[0].default"].ToString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("0")]
    [InlineData("70000")]
    public void Load_BadGatewayPortVariable_ErrorNamesVariable(string value)
    {
        using var state = new TempState(null, ("MOLTBOT_GATEWAY_PORT", value));

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("gateway.port", issue.Key);
        Assert.Contains($"MOLTBOT_GATEWAY_PORT='{value}'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyVariable_CountsAsUnset()
    {
        using var state = new TempState(null, ("OPENAI_API_KEY", ""));

        Assert.Empty(state.Load().Config.Models.Providers);
    }

    [Fact]
    public void Load_ConfigPathVariable_MovesTheFile()
    {
        using var state = new TempState();
        var elsewhere = Path.Combine(state.StateDir, "other.json5");
        File.WriteAllText(elsewhere, "{ gateway: { port: 1234 } }");
        state.Environment["MOLTBOT_CONFIG_PATH"] = elsewhere;

        var loaded = state.Load();

        Assert.Equal(1234, loaded.Config.Gateway.Port);
        Assert.Equal($"file:{elsewhere}:1", loaded.Sources["gateway.port"].ToString());
    }
}
