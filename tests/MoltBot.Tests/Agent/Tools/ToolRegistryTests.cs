using Microsoft.Extensions.AI;
using MoltBot.Agent;
using MoltBot.Agent.Tools;
using MoltBot.Agent.Tools.Policy;
using MoltBot.Configuration;
using static MoltBot.Tests.Agent.SystemPromptBuilderTests;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>The visible tool list is reused while the tool set is unchanged and rebuilt as soon as a dynamic source changes.</summary>
public sealed class ToolRegistryTests
{
    private static readonly AgentProfile Main = new("main", "MoltBot", "/tmp/none", [], true);
    private static readonly AgentProfile Work = new("work", "Worker", "/tmp/none-work", [], false);

    [Fact]
    public void For_Unchanged_ReturnsTheSameList()
    {
        var registry = new ToolRegistry([new NamedTool("read")], [new Source { Tools = [new NamedTool("mcp__a__b")] }]);

        Assert.Same(registry.For(Main), registry.For(Main));
    }

    [Fact]
    public void For_SourceChanged_SeenOnTheNextCall_BuiltInsNeverShadowed()
    {
        var source = new Source();
        var registry = new ToolRegistry([new NamedTool("read")], [source]);
        Assert.Equal(["read"], Names(registry.For(Main)));

        source.Tools = [new NamedTool("mcp__a__b"), new NamedTool("read")];
        Assert.Equal(["mcp__a__b", "read"], Names(registry.For(Main)));
        Assert.Equal(["mcp__a__b", "read"], Names(registry.All));

        source.Tools = [];
        Assert.Equal(["read"], Names(registry.For(Main)));
    }

    [Fact]
    public void For_EachAgentFilteredByItsOwnPolicy()
    {
        var config = new MoltBotConfig
        {
            Agents = new AgentsConfig { List = [new AgentEntry { Id = "main" }, new AgentEntry { Id = "work", Tools = new ToolPolicyConfig { Deny = ["exec"] } }] },
        };
        var registry = new ToolRegistry([new NamedTool("read"), new NamedTool("exec")], [], new ToolPolicy(config));

        Assert.Equal(["exec", "read"], Names(registry.For(Main)));
        Assert.Equal(["read"], Names(registry.For(Work)));
        Assert.Equal(["exec", "read"], Names(registry.For(Main)));
    }

    private static string[] Names(IEnumerable<AIFunction> tools) => [.. tools.Select(t => t.Name).Order(StringComparer.Ordinal)];
}
