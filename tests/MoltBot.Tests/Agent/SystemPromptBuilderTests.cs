using System.Text.Json;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Agent;
using MoltBot.Agent.Skills;
using MoltBot.Agent.Tools;
using MoltBot.Agent.Tools.Policy;
using MoltBot.Configuration;
using MoltBot.Tests.Agent.Skills;

namespace MoltBot.Tests.Agent;

/// <summary>The prompt is reused between turns only while every input is the same; each kind of change shows on the next build.</summary>
public sealed class SystemPromptBuilderTests : IDisposable
{
    private readonly SkillFolders _folders = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 23, 59, 0, TimeSpan.Zero));
    private readonly Source _mcp = new();
    private readonly AgentProfile _agent;
    private readonly SystemPromptBuilder _builder;

    public SystemPromptBuilderTests()
    {
        Directory.CreateDirectory(_folders.Workspace);
        _agent = new AgentProfile("main", "MoltBot", _folders.Workspace, [], true);
        var config = new MoltBotConfig { Tools = new ToolsConfig { Deny = ["mcp__secret__*"] } };
        var tools = new ToolRegistry([new NamedTool("read"), new NamedTool("exec")], [_mcp], new ToolPolicy(config));
        _builder = new SystemPromptBuilder(tools, _time, [new SkillsPromptSection(_folders.Catalog())]);
        WriteFile("AGENTS.md", "Be brief.");
    }

    [Fact]
    public void NothingChanged_ReturnsTheSamePrompt()
    {
        var first = _builder.Build(_agent);

        Assert.Same(first, _builder.Build(_agent));
    }

    [Fact]
    public void EditedFile_SameLengthAndAlmostTheSameStamp_IsInTheNextPrompt()
    {
        var path = WriteFile("USER.md", "name: Ann");
        var stamp = File.GetLastWriteTimeUtc(path);
        Assert.Contains("name: Ann", _builder.Build(_agent), StringComparison.Ordinal);

        File.WriteAllText(path, "name: Bob");
        File.SetLastWriteTimeUtc(path, stamp.AddTicks(1));

        var prompt = _builder.Build(_agent);
        Assert.Contains("name: Bob", prompt, StringComparison.Ordinal);
        Assert.DoesNotContain("name: Ann", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public void EditedFile_OtherLengthSameStamp_IsInTheNextPrompt()
    {
        var path = WriteFile("MEMORY.md", "likes tea");
        var stamp = File.GetLastWriteTimeUtc(path);
        _builder.Build(_agent);

        File.WriteAllText(path, "likes coffee now");
        File.SetLastWriteTimeUtc(path, stamp);

        Assert.Contains("likes coffee now", _builder.Build(_agent), StringComparison.Ordinal);
    }

    [Fact]
    public void CreatedAndDeletedFiles_ShowOnTheNextPrompt()
    {
        Assert.DoesNotContain("## SOUL.md", _builder.Build(_agent), StringComparison.Ordinal);

        var path = WriteFile("SOUL.md", "calm");
        Assert.Contains("## SOUL.md\ncalm\n", _builder.Build(_agent), StringComparison.Ordinal);

        File.Delete(path);
        Assert.DoesNotContain("## SOUL.md", _builder.Build(_agent), StringComparison.Ordinal);
    }

    [Fact]
    public void NewEditedAndDeletedSkills_ShowOnTheNextPrompt()
    {
        Assert.Contains("No skills are installed yet.", _builder.Build(_agent), StringComparison.Ordinal);

        var file = _folders.WriteWorkspaceSkill("weather", SkillFolders.Skill("weather", "Use for forecasts."));
        Assert.Contains("- weather: Use for forecasts.", _builder.Build(_agent), StringComparison.Ordinal);

        var stamp = File.GetLastWriteTimeUtc(file);
        File.WriteAllText(file, SkillFolders.Skill("weather", "Use for rain."));
        File.SetLastWriteTimeUtc(file, stamp.AddTicks(1));
        var edited = _builder.Build(_agent);
        Assert.Contains("- weather: Use for rain.", edited, StringComparison.Ordinal);
        Assert.DoesNotContain("Use for forecasts.", edited, StringComparison.Ordinal);

        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        Assert.Contains("No skills are installed yet.", _builder.Build(_agent), StringComparison.Ordinal);
    }

    [Fact]
    public void Midnight_TheNextPromptCarriesTheNewDate()
    {
        Assert.Contains("Today is 2026-12-03 (UTC).", _builder.Build(_agent), StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromMinutes(1));

        Assert.Contains("Today is 2026-12-04 (UTC).", _builder.Build(_agent), StringComparison.Ordinal);
    }

    [Fact]
    public void McpToolsChanging_ShowOnTheNextPrompt_WithThePolicyApplied()
    {
        Assert.DoesNotContain("mcp__files__echo", _builder.Build(_agent), StringComparison.Ordinal);

        _mcp.Tools = [new NamedTool("mcp__files__echo"), new NamedTool("mcp__secret__dump")];
        var connected = _builder.Build(_agent);
        Assert.Contains("- mcp__files__echo:", connected, StringComparison.Ordinal);
        Assert.DoesNotContain("mcp__secret__dump", connected, StringComparison.Ordinal);

        _mcp.Tools = [];
        Assert.DoesNotContain("mcp__files__echo", _builder.Build(_agent), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoAgents_EachGetsItsOwnPrompt()
    {
        var other = new AgentProfile("work", "Worker", _folders.StateDir, [], false);
        File.WriteAllText(Path.Combine(_folders.StateDir, "AGENTS.md"), "Work only.");

        var main = _builder.Build(_agent);
        var work = _builder.Build(other);

        Assert.Contains("Be brief.", main, StringComparison.Ordinal);
        Assert.Contains("You are Worker", work, StringComparison.Ordinal);
        Assert.Contains("Work only.", work, StringComparison.Ordinal);
        Assert.Same(main, _builder.Build(_agent));
    }

    [Fact]
    public void SameAgentRenamed_GetsANewPrompt()
    {
        _builder.Build(_agent);

        Assert.Contains("You are Molty,", _builder.Build(_agent with { Name = "Molty" }), StringComparison.Ordinal);
    }

    public void Dispose() => _folders.Dispose();

    private string WriteFile(string name, string text)
    {
        var path = Path.Combine(_folders.Workspace, name);
        File.WriteAllText(path, text);
        return path;
    }

    internal sealed class NamedTool(string name) : AIFunction
    {
        public override string Name => name;

        public override string Description => "Tool " + name + ".";

        public override JsonElement JsonSchema => JsonDocument.Parse("{}").RootElement.Clone();

        protected override ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken) => ValueTask.FromResult<object?>(name);
    }

    /// <summary>Like an MCP server: a new list instance whenever its tools change.</summary>
    internal sealed class Source : IToolSource
    {
        public IReadOnlyCollection<AIFunction> Tools { get; set; } = [];
    }
}
