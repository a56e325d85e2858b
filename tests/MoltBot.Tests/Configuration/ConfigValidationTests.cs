using MoltBot.Configuration;

namespace MoltBot.Tests.Configuration;

public sealed class ConfigValidationTests
{
    [Fact]
    public void Load_FullJson5File_BuildsRecords()
    {
        using var state = new TempState("""
            // MoltBot config
            {
              gateway: { port: 0x4E20, bind: 'lan', auth: { token: 'tok' } },
              agents: {
                defaults: { model: 'openrouter/x', workspace: '/tmp/ws' },
                list: [
                  { id: 'main', identity: { name: 'Molty' } },
                  { id: 'work', default: true, model: { primary: 'openai/gpt-4o', fallbacks: ['openai/gpt-4o-mini'] }, workspace: '/tmp/w2' },
                ],
              },
              models: {
                providers: {
                  ollama: {
                    baseUrl: 'http://localhost:11434/v1', api: 'openai-completions', apiKey: 'k',
                    headers: { 'X-Api-Key': 'h', 'X-Trace': 'on' },
                    models: [{ id: 'llama3', contextWindow: 8192, maxTokens: 1024 }],
                  },
                },
              },
              channels: { telegram: { botToken: 'tg', dm: { policy: 'allowlist', allowFrom: ['42'] } }, discord: { guilds: { '9': { channels: ['7'] } } } },
            }
            """);

        var loaded = state.Load();

        var c = loaded.Config;
        Assert.True(loaded.FileExists);
        Assert.Equal(20000, c.Gateway.Port);
        Assert.Equal("lan", c.Gateway.Bind);
        Assert.Equal("tok", c.Gateway.Auth.Token!.Value);
        Assert.Equal($"{state.ConfigPath}:3 (gateway.auth.token)", c.Gateway.Auth.Token.Source);
        Assert.Equal("openrouter/x", c.Agents.Defaults.Model.Primary);
        Assert.Equal("/tmp/ws", c.Agents.Defaults.Workspace);
        Assert.Equal(["main", "work"], c.Agents.List.Select(a => a.Id));
        Assert.Equal("Molty", c.Agents.List[0].Identity.Name);
        Assert.False(c.Agents.List[0].Default);
        Assert.True(c.Agents.List[1].Default);
        Assert.Equal(["openai/gpt-4o-mini"], c.Agents.List[1].Model!.Fallbacks);
        var ollama = c.Models.Providers["ollama"];
        Assert.Equal("openai-completions", ollama.Api);
        Assert.Equal("h", ollama.Headers["x-api-key"]);
        Assert.Equal(new ModelDefinition { Id = "llama3", ContextWindow = 8192, MaxTokens = 1024 }, Assert.Single(ollama.Models));
        Assert.Equal("allowlist", c.Channels.Telegram.Dm.Policy);
        Assert.Equal(["42"], c.Channels.Telegram.Dm.AllowFrom);
        Assert.True(c.Channels.Telegram.IsConfigured);
        Assert.False(c.Channels.Discord.IsConfigured);
        Assert.Equal(["7"], c.Channels.Discord.Guilds["9"].Channels);
        Assert.True(c.Channels.Discord.Guilds["9"].RequireMention);
    }

    [Fact]
    public void Load_UnknownKey_SuggestsClosestSiblingWithLine()
    {
        using var state = new TempState("{\n  gateway: {\n    prot: 1234,\n  },\n}");

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("gateway.prot", issue.Key);
        Assert.Equal(state.ConfigPath, issue.File);
        Assert.Equal(3, issue.Line);
        Assert.Contains("Did you mean 'gateway.port'?", issue.Message, StringComparison.Ordinal);
        Assert.Contains("gateway.port", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_UnknownKeyWithNothingClose_ListsValidKeys()
    {
        using var state = new TempState("{ gateway: { zzzzzzzz: 1 } }");

        var issue = Assert.Single(state.LoadIssues());

        Assert.Contains("port, bind, auth", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WrongTypes_SayExpectedAndGot()
    {
        using var state = new TempState("""
            {
              gateway: { port: "18789", bind: 5 },
              agents: { list: [{ id: 'a', default: 'yes' }] },
              models: { providers: { openai: { models: [{ id: 'm', maxTokens: 1.5 }] } } },
            }
            """);

        var issues = state.LoadIssues();

        Assert.Collection(issues,
            i => Assert.Equal(("gateway.port", 2, "Expected an integer from 1 to 65535, got string \"18789\"."), (i.Key, i.Line, i.Message)),
            i => Assert.Equal(("gateway.bind", "Expected a string, got integer 5."), (i.Key, i.Message)),
            i => Assert.Equal(("agents.list[0].default", 3, "Expected a boolean (true or false), got string \"yes\"."), (i.Key, i.Line, i.Message)),
            i => Assert.Equal(("models.providers.openai.models[0].maxTokens", "Expected an integer >= 1, got number 1.5."), (i.Key, i.Message)));
    }

    [Fact]
    public void Load_BadEnumAndBind_ListValidValues()
    {
        using var state = new TempState("{ gateway: { bind: 'everywhere' }, models: { providers: { x: { baseUrl: 'http://x', api: 'openai-completion' } } } }");

        var issues = state.LoadIssues();

        Assert.Contains(issues, i => i.Key == "gateway.bind" && i.Message.Contains("loopback, lan or an IP address", StringComparison.Ordinal));
        var api = Assert.Single(issues, i => i.Key == "models.providers.x.api");
        Assert.Contains("Valid: openai-completions, anthropic-messages, azure-openai", api.Message, StringComparison.Ordinal);
        Assert.Equal("Did you mean 'openai-completions'?", api.Fix);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("192.168.1.10")]
    [InlineData("::1")]
    public void Load_IpBind_IsAccepted(string bind)
    {
        using var state = new TempState($"{{ gateway: {{ bind: '{bind}' }} }}");

        Assert.Equal(bind, state.Load().Config.Gateway.Bind);
    }

    [Fact]
    public void Load_PortOutOfRange_IsAnError()
    {
        using var state = new TempState("{ gateway: { port: 70000 } }");

        Assert.Contains("out of range", Assert.Single(state.LoadIssues()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LegacyAgentAndIdentity_SayWhereTheyMoved()
    {
        using var state = new TempState("{\n  agent: { model: 'x' },\n  identity: { name: 'Molty' },\n}");

        var issues = state.LoadIssues();

        Assert.Collection(issues,
            i =>
            {
                Assert.Equal(("agent", 2), (i.Key, i.Line));
                Assert.Contains("moved to 'agents.defaults'", i.Message, StringComparison.Ordinal);
                Assert.Contains("agents.defaults.model", i.Fix, StringComparison.Ordinal);
            },
            i =>
            {
                Assert.Equal(("identity", 3), (i.Key, i.Line));
                Assert.Contains("moved to 'agents.list[].identity'", i.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Load_IgnoredSections_AcceptAnything()
    {
        using var state = new TempState("{ mcp: {}, session: [], memory: {}, cron: {}, hooks: {}, logging: {}, messages: {}, commands: {} }");

        Assert.Equal(8, state.Load().ExternalSections.Count);
    }

    [Fact]
    public void Load_ChannelEnvironment_CommaSeparatedAllowList()
    {
        using var state = new TempState(null, ("DISCORD_BOT_TOKEN", "discord-token"), ("DISCORD_ALLOWED_USERS", " 111, 222 ,,"), ("TELEGRAM_ALLOWED_USER_ID", "42"));

        var channels = state.Load().Config.Channels;

        Assert.Equal("env DISCORD_BOT_TOKEN", channels.Discord.Token!.Source);
        Assert.Equal(["111", "222"], channels.Discord.Dm.AllowFrom);
        Assert.Equal("pairing", channels.Discord.Dm.Policy);
        Assert.Equal(["42"], channels.Telegram.Dm.AllowFrom);
    }

    [Fact]
    public void Load_OpenDmPolicyWithoutWildcard_IsAnError()
    {
        using var state = new TempState("{\n  channels: { discord: { dm: { policy: 'open' } } },\n}");

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal("channels.discord.dm.policy", issue.Key);
        Assert.Equal(2, issue.Line);
        Assert.Contains("allowFrom", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AgentRules_DuplicateIdsAndTwoDefaultsAreErrors()
    {
        using var state = new TempState("""
            { agents: { list: [
              { id: 'a', default: true },
              { id: 'a' },
              { id: 'b', default: true },
              { identity: { name: 'no id' } },
            ] } }
            """);

        var issues = state.LoadIssues();

        Assert.Contains(issues, i => i.Key == "agents.list[1].id" && i.Line == 3 && i.Message.Contains("Duplicate agent id 'a' (first used at line 2)", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Key == "agents.list[2].default" && i.Line == 4 && i.Message.Contains("More than one agent", StringComparison.Ordinal));
        Assert.Contains(issues, i => i.Key == "agents.list[3].id" && i.Message.Contains("Missing required key 'id'", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_ApiKeyOnProviderWithUnknownApi_IsAnError()
    {
        using var state = new TempState("{\n  models: { providers: {\n    openruoter: { apiKey: 'k' },\n  } },\n}");

        var issues = state.LoadIssues();

        var issue = Assert.Single(issues, i => i.Key == "models.providers.openruoter.apiKey");
        Assert.Equal(3, issue.Line);
        Assert.Contains("no known api", issue.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean the built-in provider 'openrouter'", issue.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DuplicateKey_IsAnError()
    {
        using var state = new TempState("{ gateway: { port: 1, port: 2 } }");

        Assert.Contains("Duplicate key 'port'", Assert.Single(state.LoadIssues()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxError_IssueNamesFileLineAndColumn()
    {
        using var state = new TempState("{\n  gateway: {\n    port: 1\n    bind: 'lan'\n  }\n}");

        var issue = Assert.Single(state.LoadIssues());

        Assert.Equal($"{state.ConfigPath}:4:5", issue.Location);
        Assert.Contains("expected ',' or '}'", issue.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ManyProblems_CollectsAllBeforeThrowing()
    {
        using var state = new TempState("{ gatway: {}, agent: {}, gateway: { port: 'x' }, models: { providers: { openai: { api: 'nope' } } } }");

        Assert.Equal(4, state.LoadIssues().Count);
    }
}
