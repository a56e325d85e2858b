using Microsoft.Extensions.AI;
using MoltBot.Agent;
using MoltBot.Agent.Skills;
using MoltBot.Agent.Tools;
using MoltBot.Configuration;

namespace MoltBot.Tests.Agent.Skills;

public sealed class SkillReadToolTests
{
    [Fact]
    public async Task Read_ReadySkill_ReturnsTheFileWithBaseDirFilledIn()
    {
        using var folders = new SkillFolders();
        var file = folders.WriteWorkspaceSkill("clean", SkillFolders.Skill("clean", "Clean up.", body: "Run {baseDir}/clean.sh"));

        var result = await ReadAsync(folders, "clean");

        Assert.StartsWith(file + "\n---\nname: clean", result, StringComparison.Ordinal);
        Assert.Contains($"Run {Path.GetDirectoryName(file)}/clean.sh", result, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_UnknownOrGatedSkill_ExplainsAndListsWhatExists()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("a", SkillFolders.Skill("a", "A."));
        folders.WriteWorkspaceSkill("clip", SkillFolders.Skill("clip", "Needs ffmpeg.", "metadata: {\"openclaw\": {\"requires\": {\"bins\": [\"ffmpeg\"]}}}\n"));

        Assert.Equal("Error: there is no skill named 'zzz'. Skills: a.", await ReadAsync(folders, "zzz"));
        Assert.Equal("Error: skill 'clip' is not available here: needs bin `ffmpeg` on PATH.", await ReadAsync(folders, "clip"));
    }

    private static async Task<string> ReadAsync(SkillFolders folders, string name)
    {
        var config = new MoltBotConfig { Agents = new AgentsConfig { Defaults = new AgentDefaults { Workspace = folders.Workspace } } };
        var agents = new AgentCatalog(config, folders.Paths);
        var tool = new SkillReadTool(folders.Catalog(), agents);
        var arguments = new AIFunctionArguments { ["name"] = name };
        new ToolContext(agents.Default, "agent:main:main").AttachTo(arguments);
        return (string)(await tool.InvokeAsync(arguments, TestContext.Current.CancellationToken))!;
    }
}
