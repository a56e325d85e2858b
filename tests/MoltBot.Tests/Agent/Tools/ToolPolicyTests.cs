using System.Text.Json;
using Microsoft.Extensions.AI;
using MoltBot.Agent;
using MoltBot.Agent.Tools;
using MoltBot.Agent.Tools.Policy;
using MoltBot.Configuration;

namespace MoltBot.Tests.Agent.Tools;

/// <summary><c>tools.allow</c>/<c>tools.deny</c>: a denied tool is neither shown to the model nor runnable when it calls it anyway.</summary>
public sealed class ToolPolicyTests
{
    [Fact]
    public async Task DeniedTool_IsHiddenFromTheModel_AndRefusedWhenCalledAnyway()
    {
        await using var tools = await ToolGateway.StartAsync(configure: c => c with { Tools = c.Tools with { Deny = ["exec", "proc*"] } });

        var result = await tools.CallAsync("exec", """{"command":"touch pwned"}""");

        var offered = ToolGateway.OfferedTools(tools.Llm.Requests[0]);
        Assert.DoesNotContain("exec", offered);
        Assert.DoesNotContain("process", offered);
        Assert.Contains("read", offered);
        Assert.Contains("not allowed for this agent", result, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tools.Workspace, "pwned")));
        Assert.DoesNotContain("- exec:", tools.Llm.Requests[0].Json!["messages"]![0]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentAllowList_NarrowsTheTools_AndDenyWinsOverAllow()
    {
        await using var tools = await ToolGateway.StartAsync(configure: c => c with
        {
            Agents = c.Agents with { List = [new AgentEntry { Id = "main", Default = true, Tools = new ToolPolicyConfig { Allow = ["read", "list", "write"], Deny = ["write"] } }] },
        });

        await tools.CallAsync("list", "{}");

        Assert.Equal(["list", "read"], ToolGateway.OfferedTools(tools.Llm.Requests[0]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Wildcards_CoverDynamicToolNames_LikeMcpServers()
    {
        var config = new MoltBotConfig { Tools = new ToolsConfig { Allow = ["mcp__*", "read"], Deny = ["mcp__danger__*"] } };
        var agent = new AgentProfile("main", "MoltBot", "/tmp/none", [], true);
        var registry = new ToolRegistry([new NamedTool("read"), new NamedTool("exec")], [new Source([new NamedTool("mcp__files__echo"), new NamedTool("mcp__danger__rm")])], new ToolPolicy(config));

        Assert.Equal(["mcp__files__echo", "read"], registry.For(agent).Select(t => t.Name).Order(StringComparer.Ordinal));
        Assert.False(registry.IsAllowed(agent, "mcp__danger__rm"));
    }

    private sealed class NamedTool(string name) : AIFunction
    {
        public override string Name => name;

        public override JsonElement JsonSchema => JsonDocument.Parse("{}").RootElement.Clone();

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(name);
    }

    private sealed class Source(IReadOnlyCollection<AIFunction> tools) : IToolSource
    {
        public IReadOnlyCollection<AIFunction> Tools => tools;
    }
}
