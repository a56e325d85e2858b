using MoltBot.Agent;
using MoltBot.Cli;
using MoltBot.Configuration;
using MoltBot.Tests.Agent.Skills;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Cli;

/// <summary><c>moltbot skills list|info|check</c>: the text owners read, and the exit code scripts read.</summary>
public sealed class SkillsCommandTests
{
    private const string NeedsFfmpeg = "metadata: {\"openclaw\": {\"requires\": {\"bins\": [\"ffmpeg\"], \"env\": [\"PRESENT_TOKEN\"]}}}\n";

    [Fact]
    public void List_AlignedNameSourceStatus_ThenFolders()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("summarize-web", SkillFolders.Skill("summarize-web", "Summarize pages."));
        folders.WriteManagedSkill("clip", SkillFolders.Skill("clip", "Cut videos.", NeedsFfmpeg));
        var output = new StringWriter();

        Assert.Equal(0, SkillsReport.List(folders.Catalog().Load(folders.Workspace), Agent(folders), output));

        Assert.Equal($"""
            Skills of agent main:
              NAME           SOURCE     STATUS
              clip           managed    needs bin `ffmpeg` on PATH
              summarize-web  workspace  ready
            Folders (first wins on a name clash):
              workspace  {folders.Workspace}/skills
              managed    {folders.StateDir}/skills
            """.ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void Info_ShowsEachRequirementAndWhetherItIsMet()
    {
        using var folders = new SkillFolders();
        var file = folders.WriteManagedSkill("clip", SkillFolders.Skill("clip", "Cut videos.", NeedsFfmpeg));
        var output = new StringWriter();

        Assert.Equal(0, SkillsReport.Info(folders.Catalog().Load(folders.Workspace), "clip", output, new StringWriter()));

        Assert.Equal($"""
            clip  (not offered)
              Cut videos.
              path:    {file}
              source:  managed ({folders.StateDir}/skills)
              requires:
                missing  bin `ffmpeg` on PATH
                ok       env `PRESENT_TOKEN`
            """.ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void Info_Unknown_Exit1()
    {
        using var folders = new SkillFolders();
        var error = new StringWriter();

        Assert.Equal(1, SkillsReport.Info(folders.Catalog().Load(folders.Workspace), "nope", new StringWriter(), error));
        Assert.Equal("No skill named 'nope'. `moltbot skills list` shows the skills.", error.ToString().TrimEnd());
    }

    [Fact]
    public void Check_MissingAndBroken_Listed_Exit1()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("ok", SkillFolders.Skill("ok", "Fine."));
        folders.WriteWorkspaceSkill("clip", SkillFolders.Skill("clip", "Cut videos.", NeedsFfmpeg));
        var broken = folders.WriteWorkspaceSkill("bad", "no front matter here\n");
        var output = new StringWriter();

        Assert.Equal(1, SkillsReport.Check(folders.Catalog().Load(folders.Workspace), output));

        Assert.Equal($"""
            missing  clip: needs bin `ffmpeg` on PATH
            ok       ok
            broken   {broken}:1: SKILL.md must start with front matter: a line '---', then `name:` and `description:`, then '---'
            3 skills: 1 ready, 1 not offered, 1 broken.
            """.ReplaceLineEndings("\n"), output.ToString().ReplaceLineEndings("\n").TrimEnd('\n'));
    }

    [Fact]
    public void Check_AllParse_Exit0EvenWithMissingRequirements()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("clip", SkillFolders.Skill("clip", "Cut videos.", NeedsFfmpeg));

        Assert.Equal(0, SkillsReport.Check(folders.Catalog().Load(folders.Workspace), new StringWriter()));
    }

    [Fact]
    [Trait("Category", "Process")]
    public async Task Process_SkillsCheck_BrokenSkill_Exit1WithFileAndLine()
    {
        using var state = new TempDirectory();
        var folder = Path.Combine(state.Path, "workspace", "skills", "bad");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "SKILL.md"), "---\nname: bad\ndescription: x\n: oops\n---\n", TestContext.Current.CancellationToken);
        var good = Path.Combine(state.Path, "skills", "hello");
        Directory.CreateDirectory(good);
        await File.WriteAllTextAsync(Path.Combine(good, "SKILL.md"), SkillFolders.Skill("hello", "Say hello."), TestContext.Current.CancellationToken);
        var environment = new Dictionary<string, string> { [MoltBotPaths.StateDirVariable] = state.Path };

        var (exit, stdout, stderr) = await MoltBotProcess.RunAsync(["skills", "check"], environment);
        var (listExit, list, _) = await MoltBotProcess.RunAsync(["skills", "list"], environment);

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains($"broken   {Path.Combine(folder, "SKILL.md")}:4: expected `key: value`", stdout, StringComparison.Ordinal);
        Assert.Contains("ok       hello", stdout, StringComparison.Ordinal);
        Assert.Equal(0, listExit);
        Assert.Contains("hello  managed    ready", list, StringComparison.Ordinal);
    }

    private static AgentProfile Agent(SkillFolders folders) => new("main", "MoltBot", folders.Workspace, [], true);
}
