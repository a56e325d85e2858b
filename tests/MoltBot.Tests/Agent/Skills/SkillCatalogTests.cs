using MoltBot.Agent;
using MoltBot.Agent.Skills;
using MoltBot.Configuration;

namespace MoltBot.Tests.Agent.Skills;

/// <summary>Which skills are loaded and offered: gating on bins/env/os, precedence, broken files, and pickup of changes.</summary>
public sealed class SkillCatalogTests
{
    [Fact]
    public void Load_MissingBinEnvOrOs_NotOffered_EachSaysWhy()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("ok", SkillFolders.Skill("ok", "Ready one.", "metadata: {\"openclaw\": {\"requires\": {\"bins\": [\"sh\"], \"env\": [\"PRESENT_TOKEN\"]}}}\n"));
        folders.WriteWorkspaceSkill("clip", SkillFolders.Skill("clip", "Needs ffmpeg.", "metadata: {\"openclaw\": {\"requires\": {\"bins\": [\"ffmpeg\"]}}}\n"));
        folders.WriteWorkspaceSkill("gh", SkillFolders.Skill("gh", "Needs a token.", "metadata: {\"requires\": {\"env\": [\"GITHUB_TOKEN\"]}}\n"));
        folders.WriteWorkspaceSkill("mac", SkillFolders.Skill("mac", "Mac only.", "metadata: {\"openclaw\": {\"os\": [\"darwin\"]}}\n"));
        folders.WriteWorkspaceSkill("any", SkillFolders.Skill("any", "Either bin.", "metadata: {\"openclaw\": {\"requires\": {\"anyBins\": [\"zsh\", \"fish\"]}}}\n"));

        var set = folders.Catalog().Load(folders.Workspace);

        Assert.Equal(["ok"], set.Ready.Select(s => s.Name));
        Assert.Equal(["needs bin `ffmpeg` on PATH"], set.Find("clip")!.Problems);
        Assert.Equal(["needs env `GITHUB_TOKEN`"], set.Find("gh")!.Problems);
        Assert.Equal(["needs os darwin (this is linux)"], set.Find("mac")!.Problems);
        Assert.Equal(["needs one of bins `zsh`, `fish` on PATH"], set.Find("any")!.Problems);
    }

    [Fact]
    public void Load_EnvFromSkillEntries_CountsAsSet_DisabledEntryHides()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("gh", SkillFolders.Skill("gh", "Needs a token.", "metadata: {\"requires\": {\"env\": [\"GITHUB_TOKEN\"]}}\n"));
        folders.WriteWorkspaceSkill("off", SkillFolders.Skill("off", "Switched off."));
        var config = new SkillsConfig
        {
            Entries = new Dictionary<string, SkillEntryConfig>
            {
                ["gh"] = new() { Env = new Dictionary<string, SecretValue> { ["GITHUB_TOKEN"] = new("ghp_x", "test") } },
                ["off"] = new() { Enabled = false },
            },
        };

        var set = folders.Catalog(config).Load(folders.Workspace);

        Assert.True(set.Find("gh")!.IsReady);
        Assert.Equal(["disabled by skills.entries.off.enabled"], set.Find("off")!.Problems);
    }

    [Fact]
    public void Load_AlwaysTrue_OfferedDespiteMissingBin()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("always", SkillFolders.Skill("always", "Always on.", "metadata: {\"openclaw\": {\"always\": true, \"requires\": {\"bins\": [\"nope\"]}}}\n"));

        Assert.True(folders.Catalog().Load(folders.Workspace).Find("always")!.IsReady);
    }

    [Fact]
    public void Load_SameNameInWorkspaceAndManaged_WorkspaceWins()
    {
        using var folders = new SkillFolders();
        folders.WriteManagedSkill("notes", SkillFolders.Skill("notes", "Managed version."));
        folders.WriteWorkspaceSkill("notes", SkillFolders.Skill("notes", "Workspace version."));
        folders.WriteManagedSkill("other", SkillFolders.Skill("other", "Only managed."));

        var set = folders.Catalog().Load(folders.Workspace);

        Assert.Equal("Workspace version.", set.Find("notes")!.Definition.Description);
        Assert.Equal("workspace", set.Find("notes")!.Source.Label);
        Assert.Equal("managed", set.Find("other")!.Source.Label);
        Assert.Equal(2, set.Skills.Count);
    }

    [Fact]
    public void Load_ExtraDirs_LowestPrecedence()
    {
        using var folders = new SkillFolders();
        var extra = Path.Combine(folders.StateDir, "extra");
        Directory.CreateDirectory(Path.Combine(extra, "x"));
        File.WriteAllText(Path.Combine(extra, "x", "SKILL.md"), SkillFolders.Skill("x", "Extra."));

        var set = folders.Catalog(new SkillsConfig { ExtraDirs = [extra] }).Load(folders.Workspace);

        Assert.Equal("extra", set.Find("x")!.Source.Label);
    }

    [Fact]
    public void Load_BrokenSkill_SkippedAndReportedWithFileAndLine()
    {
        using var folders = new SkillFolders();
        var broken = folders.WriteWorkspaceSkill("broken", "---\nname: broken\ndescription: fine\nnot yaml at all\n---\n");
        folders.WriteWorkspaceSkill("fine", SkillFolders.Skill("fine", "Fine."));

        var set = folders.Catalog().Load(folders.Workspace);

        Assert.Equal(["fine"], set.Skills.Select(s => s.Name));
        var problem = Assert.Single(set.Problems);
        Assert.Equal($"{broken}:4: expected `key: value`, got 'not yaml at all'", problem.ToString());
    }

    [Fact]
    public void Load_NothingChanged_SameSnapshot_NewSkillFolder_PickedUp()
    {
        using var folders = new SkillFolders();
        folders.WriteWorkspaceSkill("first", SkillFolders.Skill("first", "First."));
        var catalog = folders.Catalog();
        var before = catalog.Load(folders.Workspace);

        Assert.Same(before, catalog.Load(folders.Workspace));
        folders.WriteWorkspaceSkill("second", SkillFolders.Skill("second", "Second."));

        Assert.Equal(["first", "second"], catalog.Load(folders.Workspace).Ready.Select(s => s.Name).Order());
    }

    [Fact]
    public void Load_SkillFileEdited_PickedUp()
    {
        using var folders = new SkillFolders();
        var file = folders.WriteWorkspaceSkill("s", SkillFolders.Skill("s", "Old description."));
        var catalog = folders.Catalog();
        Assert.Equal("Old description.", catalog.Load(folders.Workspace).Find("s")!.Definition.Description);

        File.WriteAllText(file, SkillFolders.Skill("s", "New and longer description."));

        Assert.Equal("New and longer description.", catalog.Load(folders.Workspace).Find("s")!.Definition.Description);
    }

    [Fact]
    public void PromptSection_ListsReadySkillsNameDescriptionPath_NeverTheBody()
    {
        using var folders = new SkillFolders();
        var file = folders.WriteWorkspaceSkill("summarize-web", SkillFolders.Skill("summarize-web", "Summarize a webpage.", body: "SECRET-BODY-INSTRUCTIONS"));
        folders.WriteWorkspaceSkill("clip", SkillFolders.Skill("clip", "Needs ffmpeg.", "metadata: {\"openclaw\": {\"requires\": {\"bins\": [\"ffmpeg\"]}}}\n"));
        var section = new SkillsPromptSection(folders.Catalog());

        var text = section.Build(new AgentProfile("main", "Molty", folders.Workspace, [], true))!;

        Assert.StartsWith("## Skills\n", text, StringComparison.Ordinal);
        Assert.Contains($"- summarize-web: Summarize a webpage. ({file})", text, StringComparison.Ordinal);
        Assert.Contains("skill_read", text, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET-BODY-INSTRUCTIONS", text, StringComparison.Ordinal);
        Assert.DoesNotContain("clip", text, StringComparison.Ordinal);
    }
}
